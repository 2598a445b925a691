package dev.revcycle.common.audit;

import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one rule every service applies before it hands out or changes a practice's record: can the
 * caller see it? A record of a practice the caller may not see is answered exactly like one that
 * does not exist (404), so its existence does not leak, and the attempt is written to the PHI audit
 * as DENIED in a transaction of its own (it stays when the request's transaction rolls back).
 * The successful access is the use case's to audit, in its own transaction, once it has happened.
 */
@ApplicationScoped
public class RecordAccess {
    @Inject
    PhiAudit audit;

    /**
     * @param record     the record as loaded (locked, if the use case changes it), or null when there is none
     * @param practiceOf the record's practice
     * @return {@code record}
     * @throws NotFound when there is no such record or the caller may not see it
     */
    public <T> T require(Caller caller, AuditAction action, RecordType type, UUID id, T record,
                         Function<? super T, String> practiceOf) {
        if (!visible(caller, action, type, id, record, practiceOf)) {
            throw new NotFound(type.displayName());
        }
        return record;
    }

    /**
     * The same rule for a use case that answers "unknown" in its own way (one line of a batch)
     * instead of failing the request: false when there is no such record or the caller may not see
     * it, and then the denial is audited.
     */
    public <T> boolean visible(Caller caller, AuditAction action, RecordType type, UUID id, T record,
                               Function<? super T, String> practiceOf) {
        if (record == null) {
            return false;
        }
        String practice = practiceOf.apply(record);
        if (!caller.canSee(practice)) {
            audit.denied(caller, action, type.auditName(), id, practice);
            return false;
        }
        return true;
    }
}
