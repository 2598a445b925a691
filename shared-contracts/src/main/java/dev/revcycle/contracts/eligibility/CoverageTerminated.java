package dev.revcycle.contracts.eligibility;

import java.time.LocalDate;
import java.util.UUID;

/** A coverage ends on terminationDate (the last covered day).
 * Key: patientId; {@code version} is the coverage's (per coverageId). */
public record CoverageTerminated(UUID coverageId, UUID patientId, String practiceId, LocalDate terminationDate, long version) {
}
