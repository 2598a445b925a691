package dev.revcycle.payments.app;

import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.Effects;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.ReasonCode;
import dev.revcycle.payments.domain.Responsibility;
import dev.revcycle.payments.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Collections' write-off requests: a WRITE_OFF of the patient balance (up to what is owed), and its reversal,
 * each once per request id. A request for an account not known yet waits (retried by the inbox).
 */
@ApplicationScoped
public class WriteOffs {
    static final String ACTOR = "collections-events";

    @Inject
    LedgerStore ledger;

    @Inject
    Posting posting;

    @Inject
    Clock clock;

    @Transactional
    public Accounts.Applied requested(java.util.UUID requestId, java.util.UUID accountId, BigDecimal amount, String kind,
                                      String reason) {
        if (ledger.find(accountId).isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        Account account = posting.lock(accountId);
        if (ledger.writeOff(requestId).isPresent()) {
            return Accounts.Applied.ALREADY;
        }
        BigDecimal money = Effects.money(amount);
        BigDecimal amountToPost = money == null ? Account.ZERO : money.min(account.patientBalance());
        List<java.util.UUID> ids = List.of();
        if (amountToPost.signum() > 0) {
            List<PostedEntry> posted = posting.post(accountId, List.of(new PlannedEntry(EntryType.WRITE_OFF, amountToPost,
                    Responsibility.PATIENT, null, null, new ReasonCode(null, kind, null), EntrySource.COLLECTIONS_REQUEST,
                    requestId.toString(), LocalDate.now(clock))), ACTOR, PostingTags.kind(kind));
            ids = posted.stream().map(PostedEntry::id).toList();
        }
        ledger.recordWriteOff(requestId, accountId, kind, ids);
        return Accounts.Applied.APPLIED;
    }

    @Transactional
    public Accounts.Applied reversalRequested(java.util.UUID requestId, java.util.UUID writeOffRequestId) {
        var record = ledger.writeOff(writeOffRequestId);
        if (record.isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        if (record.get().reversedBy() != null) {
            return Accounts.Applied.ALREADY;
        }
        List<java.util.UUID> open = record.get().entryIds().stream().filter(id -> !ledger.reversed(id)).toList();
        if (!open.isEmpty()) {
            posting.reverse(record.get().accountId(), open, EntrySource.COLLECTIONS_REQUEST, requestId.toString(),
                    LocalDate.now(clock), ACTOR, null);
        }
        ledger.markWriteOffReversed(writeOffRequestId, requestId);
        return Accounts.Applied.APPLIED;
    }
}
