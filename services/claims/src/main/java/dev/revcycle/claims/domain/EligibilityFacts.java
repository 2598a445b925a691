package dev.revcycle.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The latest EligibilityVerified of a coverage: {@code status} ACTIVE, INACTIVE or ERROR for
 * {@code serviceDate}, with the plan's dates when the payer gave them.
 */
public record EligibilityFacts(UUID checkId, UUID coverageId, LocalDate serviceDate, String status,
                               LocalDate planBegin, LocalDate planEnd) {
}
