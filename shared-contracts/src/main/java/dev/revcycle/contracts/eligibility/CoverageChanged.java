package dev.revcycle.contracts.eligibility;

import java.util.List;

/** A coverage changed: the whole coverage after the change and the names of the fields that changed.
 * Key: patientId; {@code version} is the coverage's (per coverageId). */
public record CoverageChanged(List<String> changedFields, CoverageDetails coverage, long version) {
}
