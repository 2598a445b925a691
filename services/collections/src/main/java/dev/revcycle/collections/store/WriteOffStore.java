package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collections' write-off requests to payments: SMALL_BALANCE once per account balance, BAD_DEBT with a placement. */
@ApplicationScoped
public class WriteOffStore {
    static final String INSERT = """
            INSERT INTO write_off_request (id, account_id, practice_id, kind, amount, account_version, reason, requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    static final String REVERSE = """
            UPDATE write_off_request SET reversal_request_id = ?, reversal_requested_at = ?
            WHERE id = ? AND reversal_request_id IS NULL""";

    @Inject
    Jdbc jdbc;

    public record Request(UUID id, UUID accountId, String practiceId, String kind, BigDecimal amount, long accountVersion,
                          String reason, Instant requestedAt) {
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
                            r.requestedAt());
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
    public boolean reverse(UUID writeOffId, UUID reversalId, Instant now) {
        return jdbc.update(REVERSE, reversalId, now, writeOffId) == 1;
    }
}
