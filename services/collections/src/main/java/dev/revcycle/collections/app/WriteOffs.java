package dev.revcycle.collections.app;

import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.WriteOffRequestStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Asking payments to write off part of a patient balance: recorded (write_off_request) and published as
 * {@code WriteOffRequested} in the caller's transaction; payments posts it once per request id. Used by a
 * bankruptcy discharge, and by statement runs (SMALL_BALANCE) and placement (BAD_DEBT).
 */
@ApplicationScoped
public class WriteOffs {
    public static final String BAD_DEBT = "BAD_DEBT";
    public static final String SMALL_BALANCE = "SMALL_BALANCE";

    @Inject
    WriteOffRequestStore store;

    @Inject
    CollectionEvents events;

    /**
     * @param reason words for payments' ledger (no PHI: it travels in the event)
     * @param source what asked (BANKRUPTCY_DISCHARGE, STATEMENT_RUN, PLACEMENT …) and {@code sourceId} its record
     * @return the request's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID request(UUID accountId, String practiceId, BigDecimal amount, String kind, String reason, String source,
                        UUID sourceId, String by, Instant at) {
        UUID id = UUID.randomUUID();
        BigDecimal money = amount.setScale(2);
        store.insert(id, accountId, practiceId, money, kind, reason, source, sourceId, by, at);
        events.writeOffRequested(id, accountId, practiceId, money, kind, reason, at);
        return id;
    }
}
