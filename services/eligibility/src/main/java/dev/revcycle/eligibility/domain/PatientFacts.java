package dev.revcycle.eligibility.domain;

import java.time.LocalDate;

/** What this service keeps of a patient, as the patients service published it. PHI: never printed. */
public record PatientFacts(String practiceId, String firstName, String lastName, LocalDate dateOfBirth, String sex,
                           PatientAddress address) {
    @Override
    public String toString() {
        return "PatientFacts[PHI]";
    }
}
