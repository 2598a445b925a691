package dev.revcycle.claims.domain.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A version of a payer's fee schedule for a practice: the rates from {@code effectiveFrom} on. */
public record FeeScheduleVersion(UUID id, UUID payerId, LocalDate effectiveFrom, int rateCount, long version,
                                 Instant createdAt, String createdBy) {
    public static final int MAX_HISTORY = 500;
}
