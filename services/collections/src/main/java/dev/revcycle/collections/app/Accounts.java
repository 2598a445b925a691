package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.UUID;

/**
 * The one visibility rule of collections' account endpoints: an account that is not known, or is of a practice
 * the caller may not see, is answered 404 the same way (the latter written to the PHI audit as DENIED, by common's
 * {@link RecordAccess}). Every use case about one account starts here.
 *
 * <p>Every read that hands out an account's data tied to its patient (its status, holds, notes, statements, plan,
 * a line of the placement file, an appointment alert, a work-queue item) is written to the PHI audit under the
 * account ({@link #ACCOUNT}, the account's id and practice), in the reading transaction: {@link #read}.
 */
@ApplicationScoped
public class Accounts {
    /** As payments names its accounts in the audit: an auditor follows one account id across both services. */
    public static final RecordType ACCOUNT = new RecordType("account", "Account");

    @Inject
    AccountStore store;

    @Inject
    RecordAccess access;

    @Inject
    PhiAudit audit;

    public Account visible(Caller caller, UUID accountId) {
        return access.require(caller, AuditAction.READ, ACCOUNT, accountId, store.find(accountId).orElse(null),
                Account::practiceId);
    }

    /** The same, locking the account's row for the transaction (changes that publish the account's events). */
    public Account visibleForUpdate(Caller caller, UUID accountId) {
        visible(caller, accountId);
        return store.lock(accountId).orElseThrow(() -> new NotFound("Account"));
    }

    /** The account, visible to the caller, and its read written to the PHI audit (in the caller's transaction). */
    public Account read(Caller caller, UUID accountId) {
        Account account = visible(caller, accountId);
        audit.success(caller, AuditAction.READ, ACCOUNT.auditName(), accountId, account.practiceId());
        return account;
    }

    /** The reads of one account seen through another record (a statement, a plan), in the caller's transaction. */
    public void read(Caller caller, UUID accountId, String practiceId) {
        audit.success(caller, AuditAction.READ, ACCOUNT.auditName(), accountId, practiceId);
    }

    /** Accounts of one practice handed out together (a page of a list, a file, the alerts): one row each. */
    public void listed(Caller caller, AuditAction action, Collection<UUID> accountIds, String practiceId) {
        if (!accountIds.isEmpty()) {
            audit.success(caller, action, ACCOUNT.auditName(), accountIds, practiceId);
        }
    }
}
