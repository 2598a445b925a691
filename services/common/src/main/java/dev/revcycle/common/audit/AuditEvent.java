package dev.revcycle.common.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the PHI access log, as an auditor reads it. */
public record AuditEvent(long id, Instant occurredAt, String actor, AuditAction action, String resourceType,
                         UUID resourceId, String practiceId, AuditOutcome outcome) {
}
