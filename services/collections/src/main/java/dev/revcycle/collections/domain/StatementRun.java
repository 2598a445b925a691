package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A statement run of one practice and date, with its counts by outcome ({@link StatementOutcome}). */
public record StatementRun(UUID id, String practiceId, LocalDate asOf, String status, int issued, int smallBalance,
                      int skippedHold, int skippedUndeliverable, int skippedPlan, int skippedPlaced, BigDecimal amountDue,
                      String startedBy, Instant startedAt, Instant completedAt) {
}
