package dev.revcycle.collections.events;

import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.collections.AccountPlacedWithAgency;
import dev.revcycle.contracts.collections.AccountRecalled;
import dev.revcycle.contracts.collections.PaymentPlanCreated;
import dev.revcycle.contracts.collections.PaymentPlanLapsed;
import dev.revcycle.contracts.collections.StatementIssued;
import dev.revcycle.contracts.payments.WriteOffRequested;
import dev.revcycle.contracts.payments.WriteOffReversalRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The events of statements, plans and placement, through the outbox (in the transaction of the change),
 * on revcycle.collections.events.v1 keyed by the account id. The contract records carry no name or address.
 */
@ApplicationScoped
public class CollectionEvents {
    @Inject
    Outbox outbox;

    public void statementIssued(StatementIssued e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.STATEMENT_ISSUED, e.accountId().toString(), e);
    }

    public void writeOffRequested(WriteOffRequested e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.WRITE_OFF_REQUESTED, e.accountId().toString(), e);
    }

    public void writeOffReversalRequested(WriteOffReversalRequested e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.WRITE_OFF_REVERSAL_REQUESTED, e.accountId().toString(), e);
    }

    public void planCreated(PaymentPlanCreated e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.PAYMENT_PLAN_CREATED, e.accountId().toString(), e);
    }

    public void planLapsed(PaymentPlanLapsed e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.PAYMENT_PLAN_LAPSED, e.accountId().toString(), e);
    }

    public void placed(AccountPlacedWithAgency e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.ACCOUNT_PLACED_WITH_AGENCY, e.accountId().toString(), e);
    }

    public void recalled(AccountRecalled e) {
        outbox.publish(Topics.COLLECTIONS, EventTypes.ACCOUNT_RECALLED, e.accountId().toString(), e);
    }
}
