package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Write-off requests in bulk (statement runs' SMALL_BALANCE once per account balance, in one batch); a single one goes through app/WriteOffs. */
@ApplicationScoped
public class WriteOffStore {
    static final String INSERT = """
            INSERT INTO write_off_request (id, account_id, practice_id, kind, amount, account_version, reason, requested_at,
                source, source_id, requested_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    static final String REVERSE = """
            UPDATE write_off_request SET reversed_by = ? WHERE id = ? AND reversed_by IS NULL""";

    @Inject
    Jdbc jdbc;

    /** {@code source} STATEMENT_RUN or PLACEMENT and {@code sourceId} the run or the placement (V2's columns). */
    public record Request(UUID id, UUID accountId, String practiceId, String kind, BigDecimal amount, long accountVersion,
                          String reason, Instant requestedAt, String source, UUID sourceId, String requestedBy) {
    }

    /** Inserts the requests in one batch; answers those inserted (a small balance already requested is left out). */
    public List<Request> insert(List<Request> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (Request r : requests) {
                    Jdbc.bind(s, r.id(), r.accountId(), r.practiceId(), r.kind(), r.amount(), r.accountVersion(), r.reason(),
                            r.requestedAt(), r.source(), r.sourceId(), r.requestedBy());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                List<Request> inserted = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        inserted.add(requests.get(i));
                    }
                }
                return inserted;
            }
        });
    }

    /** Records the reversal request of a write-off; false when it was already asked for. */
    public boolean reverse(UUID writeOffId, UUID reversalId) {
        return jdbc.update(REVERSE, reversalId, writeOffId) == 1;
    }
}
