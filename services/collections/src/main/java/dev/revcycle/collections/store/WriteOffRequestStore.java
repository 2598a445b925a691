package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The write-offs collections asked payments for (write_off_request). */
@ApplicationScoped
public class WriteOffRequestStore {
    static final String INSERT = "INSERT INTO write_off_request (id, account_id, practice_id, amount, kind, reason, source, "
            + "source_id, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    Jdbc jdbc;

    public void insert(UUID id, UUID accountId, String practiceId, BigDecimal amount, String kind, String reason,
                       String source, UUID sourceId, String by, Instant at) {
        jdbc.update(INSERT, id, accountId, practiceId, amount, kind, reason, source, Jdbc.uuid(sourceId), by, at);
    }
}
