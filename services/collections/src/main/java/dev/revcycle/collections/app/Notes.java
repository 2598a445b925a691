package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.AccountNote;
import dev.revcycle.collections.domain.NoteTerms;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.NoteStore;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The account's correspondence and inquiry log. A promise to pay is also kept on the account
 * ({@code account.promise_to_pay_until}, {@code promise_to_pay_amount}: the latest promise wins), where the
 * work queue reads it.
 */
@ApplicationScoped
public class Notes {
    @Inject
    Accounts accounts;

    @Inject
    AccountStore accountStore;

    @Inject
    NoteStore store;

    @Inject
    Clock clock;

    @Transactional
    public AccountNote add(Caller caller, UUID accountId, NoteTerms terms) {
        Account account = accounts.visibleForUpdate(caller, accountId);
        Violations.required("body", terms);
        LocalDate today = LocalDate.now(clock);
        NoteTerms t = Violations.checked(terms, x -> x.violations(today));
        AccountNote note = new AccountNote(UUID.randomUUID(), accountId, account.practiceId(), t.noteKind(), t.text().strip(),
                t.followUpOn(), t.promisedAmount() == null ? null : t.promisedAmount().setScale(2), caller.subject(),
                clock.instant());
        store.insert(note);
        if (note.kind() == NoteTerms.Kind.PROMISE_TO_PAY) {
            accountStore.promise(accountId, note.followUpOn(), note.promisedAmount(), note.createdAt());
        }
        return note;
    }

    @Transactional
    public Page<AccountNote> list(Caller caller, UUID accountId, PageRequest page) {
        accounts.read(caller, accountId);
        return new Page<>(store.page(accountId, page.size(), page.page() * page.size()), page.page(), page.size(),
                store.count(accountId));
    }
}
