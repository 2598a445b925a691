package dev.revcycle.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What claims knows of a patient, learnt from the patients service's events (never a synchronous
 * call): the 837's patient/subscriber name, DMG and address. {@code sex} is F, M or U. PHI.
 */
public record PatientFacts(UUID patientId, String practiceId, String mrn, String firstName, String lastName,
                           LocalDate dateOfBirth, String sex, PostalAddress address, boolean deceased,
                           UUID mergedInto, long version) {
    @Override
    public String toString() {
        return "PatientFacts[" + patientId + "]";
    }
}
