package dev.revcycle.collections.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment plan as kept: the domain's plan and its bookkeeping (who made it, the plans before and after it). */
public record PlanRecord(UUID id, UUID accountId, String practiceId, PaymentPlan plan, LocalDate lapsedOn,
                             UUID renegotiatedFrom, UUID renegotiatedTo, String createdBy, Instant createdAt, long version) {
}
