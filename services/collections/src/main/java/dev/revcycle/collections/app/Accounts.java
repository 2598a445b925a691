package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The one visibility rule of collections' account endpoints: an account that is not known, or is of a practice
 * the caller may not see, is answered 404 the same way. Every use case about one account starts here.
 */
@ApplicationScoped
public class Accounts {
    @Inject
    AccountStore store;

    public Account visible(Caller caller, UUID accountId) {
        Account account = store.find(accountId).orElseThrow(() -> new NotFound("Account"));
        caller.requirePractice(account.practiceId(), "Account");
        return account;
    }

    /** The same, locking the account's row for the transaction (changes that publish the account's events). */
    public Account visibleForUpdate(Caller caller, UUID accountId) {
        visible(caller, accountId);
        return store.lock(accountId).orElseThrow(() -> new NotFound("Account"));
    }
}
