package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One practice's placement with its agency on a date: the accounts and amount placed (its file lists them). */
public record PlacementBatch(UUID id, String practiceId, LocalDate asOf, String agencyId, String agencyName, int accounts,
                        BigDecimal amount, String createdBy, Instant createdAt) {
}
