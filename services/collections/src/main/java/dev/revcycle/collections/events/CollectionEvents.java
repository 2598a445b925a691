package dev.revcycle.collections.events;

import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.collections.AccountPlacedWithAgency;
import dev.revcycle.contracts.collections.AccountRecalled;
import dev.revcycle.contracts.collections.CollectionHoldPlaced;
import dev.revcycle.contracts.collections.CollectionHoldReleased;
import dev.revcycle.contracts.collections.PaymentPlanCreated;
import dev.revcycle.contracts.collections.PaymentPlanLapsed;
import dev.revcycle.contracts.collections.StatementIssued;
import dev.revcycle.contracts.payments.WriteOffRequested;
import dev.revcycle.contracts.payments.WriteOffReversalRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Collections' events, through the outbox in the change's transaction, on {@code revcycle.collections.events.v1},
 * key = account id. An account's own events (holds, statements, plans, placement) carry the account's
 * collections version: {@link #nextVersion(UUID)} numbers them and locks the account's row, so one account's
 * events are committed, and published, in order. Write-off requests carry the request's version (1), as
 * payments' contract says.
 */
@ApplicationScoped
public class CollectionEvents {
    @Inject
    Outbox outbox;

    @Inject
    AccountStore accounts;

    /** The next version of the account's collections events (for the events collections-b adds too). */
    public long nextVersion(UUID accountId) {
        return accounts.nextVersion(accountId);
    }

    public void publish(String type, UUID accountId, Object payload) {
        outbox.publish(Topics.COLLECTIONS, type, accountId.toString(), payload);
    }

    public void holdPlaced(Hold h) {
        publish(EventTypes.COLLECTION_HOLD_PLACED, h.accountId(), new CollectionHoldPlaced(h.id(), h.accountId(),
                h.patientId(), h.practiceId(), h.type().name(), h.until(), h.automatic(), h.placedAt(),
                nextVersion(h.accountId())));
    }

    public void holdReleased(Hold h, String reason, UUID writeOffRequestId, Instant at) {
        publish(EventTypes.COLLECTION_HOLD_RELEASED, h.accountId(), new CollectionHoldReleased(h.id(), h.accountId(),
                h.patientId(), h.practiceId(), h.type().name(), reason, writeOffRequestId, at,
                nextVersion(h.accountId())));
    }

    public void writeOffRequested(UUID requestId, UUID accountId, String practiceId, BigDecimal amount, String kind,
                                  String reason, Instant at) {
        publish(EventTypes.WRITE_OFF_REQUESTED, accountId, new WriteOffRequested(requestId, accountId, practiceId,
                amount, kind, reason, at, 1));
    }

    // statements, plans and placement (their payloads carry the version the use case took)

    public void statementIssued(StatementIssued e) {
        publish(EventTypes.STATEMENT_ISSUED, e.accountId(), e);
    }

    public void writeOffRequested(WriteOffRequested e) {
        publish(EventTypes.WRITE_OFF_REQUESTED, e.accountId(), e);
    }

    public void writeOffReversalRequested(WriteOffReversalRequested e) {
        publish(EventTypes.WRITE_OFF_REVERSAL_REQUESTED, e.accountId(), e);
    }

    public void planCreated(PaymentPlanCreated e) {
        publish(EventTypes.PAYMENT_PLAN_CREATED, e.accountId(), e);
    }

    public void planLapsed(PaymentPlanLapsed e) {
        publish(EventTypes.PAYMENT_PLAN_LAPSED, e.accountId(), e);
    }

    public void placed(AccountPlacedWithAgency e) {
        publish(EventTypes.ACCOUNT_PLACED_WITH_AGENCY, e.accountId(), e);
    }

    public void recalled(AccountRecalled e) {
        publish(EventTypes.ACCOUNT_RECALLED, e.accountId(), e);
    }
}
