package dev.revcycle.payments.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Reading accounts and their ledgers; the verify check recomputes the balances from the entries. */
@ApplicationScoped
public class Ledgers {
    public static final RecordType ACCOUNT = new RecordType("account", "Account");

    /** What verify found: the stored balances and the ones the entries add up to. */
    public record Verification(UUID accountId, boolean consistent, long entries, BigDecimal insuranceStored,
                               BigDecimal insuranceFromEntries, BigDecimal patientStored, BigDecimal patientFromEntries,
                               BigDecimal balance) {
    }

    @Inject
    LedgerStore ledger;

    @Inject
    RecordAccess access;

    /** The account, or 404 when it is not one of the caller's practices'. */
    public Account visible(Caller caller, UUID id) {
        return access.require(caller, AuditAction.READ, ACCOUNT, id, ledger.find(id).orElse(null), Account::practiceId);
    }

    @Transactional
    public AccountView get(Caller caller, UUID id) {
        return AccountView.of(visible(caller, id));
    }

    @Transactional
    public List<AccountView> find(Caller caller, UUID patientId, String practiceId) {
        List<Account> found = practiceId == null ? ledger.findByPatient(patientId)
                : ledger.findByPatient(patientId, practiceId).stream().toList();
        return found.stream().filter(a -> caller.canSee(a.practiceId())).map(AccountView::of).toList();
    }

    @Transactional
    public Page<PostedEntry> ledger(Caller caller, UUID id, PageRequest page) {
        visible(caller, id);
        return new Page<>(ledger.page(id, page.size(), page.offset()), page.page(), page.size(), ledger.count(id));
    }

    @Transactional
    public Verification verify(Caller caller, UUID id) {
        Account a = visible(caller, id);
        BigDecimal[] sums = ledger.sums(id);
        boolean ok = sums[0].compareTo(a.insuranceSum()) == 0 && sums[1].compareTo(a.patientSum()) == 0;
        return new Verification(id, ok, sums[2].longValue(), a.insuranceSum(), sums[0], a.patientSum(), sums[1], a.balance());
    }

    @Transactional
    public Page<AccountView> credits(Caller caller, String practiceId, PageRequest page) {
        if (!caller.canSee(practiceId)) {
            throw new NotFound("Practice");
        }
        return new Page<>(ledger.credits(practiceId, page.size(), page.offset()).stream().map(AccountView::of).toList(),
                page.page(), page.size(), ledger.countCredits(practiceId));
    }
}
