package dev.revcycle.claims.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code claim_history} (written once, never changed). */
@Entity
@Table(name = "claim_history")
public class ClaimHistoryRow {
    @Id
    public UUID id;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status", nullable = false)
    public String toStatus;
    @Column(nullable = false)
    public String actor;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    public String source;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "status_code")
    public String statusCode;
    public String reason;
    @Column(name = "batch_id")
    public UUID batchId;
}
