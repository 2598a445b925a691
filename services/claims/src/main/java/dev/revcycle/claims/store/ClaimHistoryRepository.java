package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClaimHistoryRepository implements PanacheRepositoryBase<ClaimHistoryRow, UUID> {

    public void add(HistoryEntry e) {
        ClaimHistoryRow row = new ClaimHistoryRow();
        row.id = e.id();
        row.claimId = e.claimId();
        row.fromStatus = e.fromStatus() == null ? null : e.fromStatus().name();
        row.toStatus = e.toStatus().name();
        row.actor = e.actor();
        row.occurredAt = e.occurredAt();
        row.source = e.source();
        row.categoryCode = e.categoryCode();
        row.statusCode = e.statusCode();
        row.reason = e.reason();
        row.batchId = e.batchId();
        persist(row);
    }

    /** A claim's history, oldest first. */
    public List<HistoryEntry> of(UUID claimId) {
        return find("claimId", Sort.by("occurredAt").and("id"), claimId).list().stream()
                .map(r -> new HistoryEntry(r.id, r.claimId, r.fromStatus == null ? null : ClaimStatus.valueOf(r.fromStatus),
                        ClaimStatus.valueOf(r.toStatus), r.actor, r.occurredAt, r.source, r.categoryCode, r.statusCode,
                        r.reason, r.batchId))
                .toList();
    }
}
