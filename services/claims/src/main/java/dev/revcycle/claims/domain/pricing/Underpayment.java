package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line a payer allowed below the practice's contracted amount on its date of service, by more than the practice's
 * tolerance: {@code expected} (the fee schedule's), {@code actual} (the 835's AMT*B6) and {@code difference}.
 */
public record Underpayment(UUID id, String practiceId, UUID payerId, UUID claimId, UUID adjudicationId, int lineNumber,
                           String procedureCode, String modifier, LocalDate serviceDate, BigDecimal expected,
                           BigDecimal actual, BigDecimal difference, BigDecimal paid, UUID feeScheduleVersionId,
                           BigDecimal tolerance, Instant detectedAt) {
}
