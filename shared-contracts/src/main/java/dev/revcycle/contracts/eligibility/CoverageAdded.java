package dev.revcycle.contracts.eligibility;

/** A coverage was added to a patient.
 * Key: patientId; {@code version} is the coverage's (per coverageId). */
public record CoverageAdded(CoverageDetails coverage, long version) {
}
