package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.domain.HoldTerms;
import dev.revcycle.collections.domain.HoldType;
import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.HoldStore;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Placing and releasing holds, by a collector or on patients' events (a death opens PROBATE, returned mail
 * RETURNED_MAIL, a corrected address closes it), and a bankruptcy's discharge, which ends its hold with a
 * WriteOffRequested BAD_DEBT of the patient balance. Holds apply whatever the balance, zero too.
 * {@link #activeOn} is what statements, placement, plans and alerts ask.
 */
@ApplicationScoped
public class Holds {
    public static final Reason ALREADY_HELD = new Reason("hold-already-active",
            "The account already has an active hold of this type");
    public static final Reason NOT_ACTIVE = new Reason("hold-not-active", "The hold was released already");
    public static final Reason NOT_BANKRUPTCY = new Reason("not-a-bankruptcy-hold", "Only a bankruptcy hold is discharged");
    static final String EVENTS_ACTOR = "patients-events";

    @Inject
    Accounts accounts;

    @Inject
    AccountStore accountStore;

    @Inject
    HoldStore store;

    @Inject
    CollectionEvents events;

    @Inject
    WriteOffs writeOffs;

    @Inject
    Clock clock;

    /** A discharge: the day of the court's order and an optional note. */
    public record Discharge(LocalDate dischargedOn, String note) {
    }

    /** A discharged bankruptcy hold and the write-off it asked for (none when nothing was owed). */
    public record Discharged(Hold hold, UUID writeOffRequestId, BigDecimal writtenOff) {
    }

    @Transactional
    public Hold place(Caller caller, UUID accountId, HoldTerms terms) {
        Account account = accounts.visibleForUpdate(caller, accountId);
        Violations.required("body", terms);
        LocalDate today = LocalDate.now(clock);
        HoldTerms t = Violations.checked(terms, x -> x.violations(today)).normalized();
        HoldType type = t.holdType();
        store.activeOfType(accountId, type, today).ifPresent(existing -> {
            throw new Conflict(ALREADY_HELD, "Release the active " + type + " hold first, or add a note to it",
                    Map.of("existingHoldId", existing.id()));
        });
        Hold hold = new Hold(UUID.randomUUID(), accountId, account.practiceId(), account.patientId(), type, t.note(),
                t.reference(), t.until(), false, t.bankruptcy(), t.probate(), t.attorney(), t.dispute(),
                caller.subject(), clock.instant(), null, null, null, null, null, null);
        store.insert(hold);
        events.holdPlaced(hold);
        return hold;
    }

    @Transactional
    public List<Hold> list(Caller caller, UUID accountId) {
        accounts.read(caller, accountId);
        return store.ofAccount(accountId);
    }

    @Transactional
    public Hold get(Caller caller, UUID accountId, UUID holdId) {
        Account account = accounts.visible(caller, accountId);
        Hold hold = store.find(accountId, holdId).orElseThrow(() -> new NotFound("Hold"));
        accounts.read(caller, accountId, account.practiceId());
        return hold;
    }

    /** Ends a hold (any type, a bankruptcy dismissed too) with the collector's reason. */
    @Transactional
    public Hold release(Caller caller, UUID accountId, UUID holdId, String reason) {
        accounts.visibleForUpdate(caller, accountId);
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required"));
        } else if (reason.strip().length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        Violations.check(errors);
        Hold hold = open(accountId, holdId);
        Instant now = clock.instant();
        store.release(holdId, now, caller.subject(), Hold.RELEASED, reason.strip(), null, null);
        events.holdReleased(hold, Hold.RELEASED, null, now);
        return store.find(accountId, holdId).orElseThrow();
    }

    /**
     * A bankruptcy discharged: the hold ends and what the patient owed is written off as bad debt
     * (WriteOffRequested BAD_DEBT of the patient balance now; none when it is zero).
     */
    @Transactional
    public Discharged discharge(Caller caller, UUID accountId, UUID holdId, Discharge discharge) {
        Account account = accounts.visibleForUpdate(caller, accountId);
        Violations.required("body", discharge);
        LocalDate today = LocalDate.now(clock);
        Hold hold = store.find(accountId, holdId).orElseThrow(() -> new NotFound("Hold"));
        List<FieldError> errors = new ArrayList<>();
        if (discharge.dischargedOn() == null) {
            errors.add(new FieldError("dischargedOn", "is required"));
        } else if (discharge.dischargedOn().isAfter(today)) {
            errors.add(new FieldError("dischargedOn", "must not be in the future"));
        } else if (hold.bankruptcy() != null && hold.bankruptcy().filingDate() != null
                && discharge.dischargedOn().isBefore(hold.bankruptcy().filingDate())) {
            errors.add(new FieldError("dischargedOn", "must not be before the filing date"));
        }
        if (discharge.note() != null && (discharge.note().isBlank() || discharge.note().strip().length() > 500)) {
            errors.add(new FieldError("note", "must be 1-500 characters"));
        }
        Violations.check(errors);
        if (hold.type() != HoldType.BANKRUPTCY) {
            throw new Unprocessable(NOT_BANKRUPTCY, "Release a " + hold.type() + " hold with DELETE and a reason");
        }
        open(accountId, holdId);
        Instant now = clock.instant();
        BigDecimal owed = account.balances().patientBalance();
        UUID requestId = null;
        if (owed.signum() > 0) {
            requestId = writeOffs.request(accountId, account.practiceId(), owed, WriteOffs.BAD_DEBT,
                    "bankruptcy discharged", "BANKRUPTCY_DISCHARGE", holdId, caller.subject(), now);
        }
        store.release(holdId, now, caller.subject(), Hold.DISCHARGED,
                discharge.note() == null ? null : discharge.note().strip(), discharge.dischargedOn(), requestId);
        events.holdReleased(hold, Hold.DISCHARGED, requestId, now);
        return new Discharged(store.find(accountId, holdId).orElseThrow(), requestId,
                owed.signum() > 0 ? owed : BigDecimal.ZERO.setScale(2));
    }

    private Hold open(UUID accountId, UUID holdId) {
        Hold hold = store.find(accountId, holdId).orElseThrow(() -> new NotFound("Hold"));
        if (hold.releasedAt() != null) {
            throw new Conflict(NOT_ACTIVE, "The hold ended already", Map.of("holdId", holdId));
        }
        return hold;
    }

    /** The account's holds in effect on the day (none released, none past its end). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hold> activeOn(UUID accountId, LocalDate day) {
        return store.activeOf(accountId, day);
    }

    // ---- on patients' events (in the inbox's transaction)

    /** Opens an automatic hold of the type on each of the patient's accounts that has none open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openAutomatic(UUID patientId, String practiceId, HoldType type, String note) {
        for (Account account : accountStore.ofPatient(patientId, practiceId)) {
            openAutomatic(account, type, note);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void openAutomatic(Account account, HoldType type, String note) {
        Hold hold = new Hold(UUID.randomUUID(), account.id(), account.practiceId(), account.patientId(), type, note,
                null, null, true, null, null, null, null, EVENTS_ACTOR, clock.instant(), null, null, null, null, null,
                null);
        if (store.insert(hold)) {
            events.holdPlaced(hold);
        }
    }

    /** A new address: every open RETURNED_MAIL hold of the patient's accounts ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressCorrected(UUID patientId, String practiceId) {
        Instant now = clock.instant();
        for (Account account : accountStore.ofPatient(patientId, practiceId)) {
            for (Hold hold : store.ofAccount(account.id())) {
                if (hold.type() == HoldType.RETURNED_MAIL && hold.releasedAt() == null
                        && store.release(hold.id(), now, EVENTS_ACTOR, Hold.ADDRESS_CORRECTED, "address corrected", null, null)) {
                    events.holdReleased(hold, Hold.ADDRESS_CORRECTED, null, now);
                }
            }
        }
    }
}
