package dev.revcycle.claims.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a claim's status: from (absent at creation), to, who, when, and why — the source
 * (999, 277CA, scrub, submission, user), the payer's category/status codes and a readable reason.
 * A 277CA "received" (A1) is kept with from = to.
 */
public record HistoryEntry(UUID id, UUID claimId, ClaimStatus fromStatus, ClaimStatus toStatus, String actor,
                           Instant occurredAt, String source, String categoryCode, String statusCode, String reason,
                           UUID batchId) {
}
