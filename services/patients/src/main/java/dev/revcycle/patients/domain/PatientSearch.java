package dev.revcycle.patients.domain;

import java.time.LocalDate;

/** What a search filters on; null means "any". */
public record PatientSearch(String name, LocalDate dateOfBirth, String mrn, boolean includeMerged) {
    /** A name prefix or date of birth is PHI: never printed. */
    @Override
    public String toString() {
        return "PatientSearch[PHI]";
    }
}
