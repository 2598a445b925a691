package dev.revcycle.payments.events;

import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.payments.AccountBalanceChanged;
import dev.revcycle.contracts.payments.AdjustmentPosted;
import dev.revcycle.contracts.payments.ChargePosted;
import dev.revcycle.contracts.payments.PaymentPosted;
import dev.revcycle.contracts.payments.PaymentReversed;
import dev.revcycle.contracts.payments.RefundIssued;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PostedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's events, through the outbox in the posting's transaction; key = account id, version = the
 * account's after the posting. One event per entry (ChargePosted, PaymentPosted, AdjustmentPosted,
 * RefundIssued; a partner payment's reversal as one PaymentReversed) and one AccountBalanceChanged.
 */
@ApplicationScoped
public class LedgerEvents {
    @Inject
    Outbox outbox;

    public void opened(Account account) {
        balance(account);
    }

    public void balance(Account a) {
        outbox.publish(Topics.PAYMENTS, EventTypes.ACCOUNT_BALANCE_CHANGED, a.id().toString(),
                new AccountBalanceChanged(a.id(), a.patientId(), a.practiceId(), a.balance(), a.insuranceBalance(),
                        a.patientBalance(), a.creditBalance(), a.oldestOpenServiceDate(), a.version()));
    }

    public void posted(Account a, List<PostedEntry> entries, Map<UUID, PostedEntry> originals, String paymentReversalReason) {
        String key = a.id().toString();
        if (paymentReversalReason != null) {
            BigDecimal total = entries.stream().map(PostedEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            PostedEntry first = entries.get(0);
            outbox.publish(Topics.PAYMENTS, EventTypes.PAYMENT_REVERSED, key, new PaymentReversed(first.paymentId(),
                    a.id(), a.patientId(), a.practiceId(), total.setScale(2), first.responsibility().name(),
                    paymentReversalReason, first.effectiveDate(), first.postedAt(), a.version()));
        } else {
            for (PostedEntry e : entries) {
                entry(a, e, originals.get(e.id()));
            }
        }
        balance(a);
    }

    private void entry(Account a, PostedEntry e, PostedEntry original) {
        String key = a.id().toString();
        String resp = e.responsibility().name();
        switch (e.type()) {
            case CHARGE -> outbox.publish(Topics.PAYMENTS, EventTypes.CHARGE_POSTED, key, new ChargePosted(e.id(),
                    a.id(), a.patientId(), a.practiceId(), e.claimId(), e.claimLineId(), e.amount(), resp,
                    e.effectiveDate(), e.postedAt(), a.version()));
            case PAYMENT -> outbox.publish(Topics.PAYMENTS, EventTypes.PAYMENT_POSTED, key, new PaymentPosted(e.id(),
                    e.paymentId(), a.id(), a.patientId(), a.practiceId(), e.amount(), resp,
                    e.method() == null ? "ERA" : e.method(), e.partnerId(), e.claimId(), e.claimLineId(), e.source().name(),
                    e.sourceReference(), e.effectiveDate(), e.postedAt(), a.version()));
            case REFUND -> outbox.publish(Topics.PAYMENTS, EventTypes.REFUND_ISSUED, key, new RefundIssued(
                    e.paymentId() == null ? e.id() : e.paymentId(), e.id(), a.id(), a.patientId(), a.practiceId(),
                    e.amount(), resp, e.method() == null ? "PATIENT" : e.method(),
                    e.sourceReference() == null ? "refund" : e.sourceReference(), e.effectiveDate(), e.postedAt(),
                    a.version()));
            default -> outbox.publish(Topics.PAYMENTS, EventTypes.ADJUSTMENT_POSTED, key, new AdjustmentPosted(e.id(),
                    a.id(), a.patientId(), a.practiceId(), kind(e), e.type().name(), e.amount(), resp, e.claimId(),
                    e.claimLineId(), e.reason() == null ? null : e.reason().group(),
                    e.reason() == null ? null : e.reason().carc(), e.reason() == null ? null : e.reason().rarc(),
                    e.source().name(), e.sourceReference(), e.reversalOf(), e.effectiveDate(), e.postedAt(), a.version()));
        }
    }

    private static String kind(PostedEntry e) {
        if (e.type() == EntryType.REVERSAL) {
            return "RECOVERY".equals(e.kind()) ? "RECOVERY" : "REVERSAL";
        }
        if (e.type() == EntryType.WRITE_OFF) {
            return "WRITE_OFF";
        }
        if (e.type() == EntryType.TRANSFER) {
            return "TRANSFER";
        }
        return "CONTRACTUAL".equals(e.kind()) ? "CONTRACTUAL" : "ADJUSTMENT";
    }
}
