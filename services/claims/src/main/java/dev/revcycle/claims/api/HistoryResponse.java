package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claim's status changes, oldest first. */
public record HistoryResponse(UUID claimId, List<Entry> items) {
    /** fromStatus absent at creation; equal to toStatus for a record without a move (277CA A1). */
    public record Entry(ClaimStatus fromStatus, ClaimStatus toStatus, String actor, Instant at, String source,
                        String categoryCode, String statusCode, String reason, UUID batchId) {
        static Entry of(HistoryEntry e) {
            return new Entry(e.fromStatus(), e.toStatus(), e.actor(), e.occurredAt(), e.source(), e.categoryCode(),
                    e.statusCode(), e.reason(), e.batchId());
        }
    }
}
