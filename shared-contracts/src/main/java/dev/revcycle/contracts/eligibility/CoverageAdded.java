package dev.revcycle.contracts.eligibility;

/** A coverage was added to a patient. Key: patientId. */
public record CoverageAdded(CoverageDetails coverage) {
}
