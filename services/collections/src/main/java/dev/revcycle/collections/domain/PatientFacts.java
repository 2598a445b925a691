package dev.revcycle.collections.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What statements need of a patient, from patients' PatientRegistered / PatientUpdated (the whole state at
 * {@code version}). PHI: {@link #toString()} prints none of it.
 */
public record PatientFacts(UUID patientId, String practiceId, String mrn, String firstName, String lastName,
                           LocalDate dateOfBirth, PostalAddress address, boolean addressUndeliverable, String phone,
                           String email, String guarantorFirstName, String guarantorLastName,
                           String guarantorRelationship, PostalAddress guarantorAddress, long version) {
    @Override
    public String toString() {
        return "PatientFacts[" + patientId + ", v" + version + "]";
    }
}
