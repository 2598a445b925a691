package dev.revcycle.patients.store;

import java.time.LocalDate;

/** What a search filters on; null means "any". */
public record PatientSearch(String name, LocalDate dateOfBirth, String mrn, boolean includeMerged) {
}
