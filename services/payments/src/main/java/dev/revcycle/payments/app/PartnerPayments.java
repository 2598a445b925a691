package dev.revcycle.payments.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.Effects;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.Responsibility;
import dev.revcycle.payments.store.ClaimStore;
import dev.revcycle.payments.store.LedgerStore;
import dev.revcycle.payments.store.PaymentStore;
import dev.revcycle.payments.store.PaymentStore.PaymentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Partner (and poster) payments: allocations to the account's claims first, the rest to the oldest patient
 * balances, then — on an account with a bad-debt write-off — a recovery of what was written off, and what is
 * left becomes a credit balance. (partner, reference) is unique: a replay after the idempotency key expired is a 409.
 */
@ApplicationScoped
public class PartnerPayments {
    public static final Set<String> METHODS = Set.of("CARD", "CASH", "CHECK", "ACH", "LOCKBOX", "AGENCY");
    public static final Reason DUPLICATE_REFERENCE = new Reason("duplicate-reference",
            "A payment with this reference was posted already");
    public static final Reason REVERSED = new Reason("payment-reversed", "The payment was reversed already");

    public record Allocation(UUID claimId, BigDecimal amount) {
    }

    public record PaymentCommand(String practiceId, UUID accountId, UUID patientId, BigDecimal amount, String method,
                                 String reference, Instant receivedAt, List<Allocation> allocations) {
    }

    public record EntryView(UUID entryId, String type, String kind, UUID claimId, BigDecimal amount) {
    }

    public record PaymentView(UUID id, UUID accountId, String practiceId, BigDecimal amount, String method, String reference,
                              UUID partnerId, Instant receivedAt, BigDecimal applied, BigDecimal recovered,
                              BigDecimal credited, String status, String reversalReason, List<EntryView> entries) {
    }

    @Inject
    LedgerStore ledger;

    @Inject
    ClaimStore claims;

    @Inject
    PaymentStore payments;

    @Inject
    Posting posting;

    @Inject
    Ledgers ledgers;

    @Inject
    RecordAccess access;

    @Inject
    Clock clock;

    /**
     * Posts one payment in the caller's transaction (the idempotency key's, from the resource) and answers it as
     * {@link #get} would read it back. What it runs, per payment: the account's row lock (the visibility check
     * uses the locked row), the open claims with a patient balance (only when the account has one), the payment
     * row with its split, then {@link Posting#post}; the answer is built from what was written, not read back.
     */
    @Transactional
    public PaymentView post(Caller caller, UUID partnerId, PaymentCommand c) {
        BigDecimal amount = check(c);
        Account account;
        if (c.accountId() != null) {
            // the account's row lock first: inserting rows that refer to it takes a share lock, and two
            // payments holding that share would deadlock when each then asks for the update lock. Locking a row
            // the caller may not see changes nothing: the check below answers 404 and the transaction rolls back.
            account = access.require(caller, AuditAction.READ, Ledgers.ACCOUNT, c.accountId(),
                    ledger.lock(c.accountId()).orElse(null), Account::practiceId);
            if (!account.practiceId().equals(c.practiceId())) {
                throw new NotFound("Account");
            }
        } else {
            caller.requirePractice(c.practiceId(), "practiceId");
            account = ledger.findByPatient(c.patientId(), c.practiceId()).orElseThrow(() -> new NotFound("Account"));
            account = posting.lock(account.id());
        }
        String partnerKey = partnerId != null ? "partner:" + partnerId : "practice:" + account.practiceId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // as the database keeps it (microseconds), so that the answer is what a later read gives
        Instant receivedAt = c.receivedAt().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = receivedAt.atZone(ZoneOffset.UTC).toLocalDate();
        EntrySource source = "LOCKBOX".equals(c.method()) ? EntrySource.LOCKBOX : EntrySource.PARTNER_PAYMENT;
        String ref = c.reference();
        List<PlannedEntry> planned = new ArrayList<>();
        BigDecimal rest = amount;
        BigDecimal patientOpen = account.patientSum();
        List<Allocation> allocations = c.allocations() == null ? List.of() : c.allocations();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            UUID accountId = account.id();
            var claim = claims.find(a.claimId()).filter(k -> k.accountId().equals(accountId));
            if (claim.isEmpty()) {
                throw Violations.of("allocations[" + i + "].claimId", "is not a claim of this account");
            }
            BigDecimal x = a.amount().setScale(2);
            planned.add(payment(x, a.claimId(), source, ref, day));
            rest = rest.subtract(x);
            patientOpen = patientOpen.subtract(x);
        }
        BigDecimal applied = amount.subtract(rest);
        // an account that owes nothing on the patient's side has no open claim to pay: no query for them
        if (rest.signum() > 0 && patientOpen.signum() > 0) {
            for (LedgerStore.OpenClaim open : ledger.patientOpenClaims(account.id())) {
                if (rest.signum() <= 0 || patientOpen.signum() <= 0) {
                    break;
                }
                BigDecimal already = planned.stream().filter(p -> open.claimId().equals(p.claimId()))
                        .map(PlannedEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal x = rest.min(open.open().subtract(already)).min(patientOpen);
                if (x.signum() > 0) {
                    planned.add(payment(x, open.claimId(), source, ref, day));
                    rest = rest.subtract(x);
                    patientOpen = patientOpen.subtract(x);
                    applied = applied.add(x);
                }
            }
            if (rest.signum() > 0 && patientOpen.signum() > 0) {
                BigDecimal x = rest.min(patientOpen);
                planned.add(payment(x, null, source, ref, day));
                rest = rest.subtract(x);
                applied = applied.add(x);
            }
        }
        BigDecimal recovered = Account.ZERO;
        List<PlannedEntry> recovery = new ArrayList<>();
        if (rest.signum() > 0 && account.badDebtOpen().signum() > 0) {
            recovered = rest.min(account.badDebtOpen());
            recovery.add(new PlannedEntry(EntryType.REVERSAL, recovered, Responsibility.PATIENT, null, null, null, source,
                    ref, day));
            recovery.add(payment(recovered, null, source, ref, day));
            rest = rest.subtract(recovered);
        }
        BigDecimal credited = rest.max(Account.ZERO);
        if (credited.signum() > 0) {
            planned.add(payment(credited, null, source, ref, day));
        }
        // the split is known before anything is written: the payment row is inserted with it (one statement)
        PaymentRecord record = new PaymentRecord(id, account.id(), account.practiceId(), amount, c.method(), c.reference(),
                partnerId, receivedAt, applied.setScale(2), recovered.setScale(2), credited.setScale(2), null, null);
        if (!payments.insertPayment(record, partnerKey, now, caller.subject())) {
            UUID existing = payments.byReference(partnerKey, c.reference()).map(PaymentRecord::id).orElse(null);
            throw new Conflict(DUPLICATE_REFERENCE, "Reference " + c.reference() + " was posted already as payment "
                    + existing, existing == null ? java.util.Map.of() : java.util.Map.of("paymentId", existing.toString()));
        }
        PostingTags tags = PostingTags.payment(id, c.method(), partnerId);
        List<PostedEntry> posted = new ArrayList<>();
        if (!recovery.isEmpty()) {
            posted.addAll(posting.post(account.id(), recovery.subList(0, 1), caller.subject(),
                    new PostingTags(id, c.method(), partnerId, Posting.RECOVERY)));
            planned.add(0, recovery.get(1));
        }
        posted.addAll(posting.post(account.id(), planned, caller.subject(), tags));
        // the entries in the order they were inserted, which is the order of their seq (what get() reads)
        return view(record, posted);
    }

    @Transactional
    public PaymentView get(Caller caller, UUID id) {
        PaymentRecord p = payments.payment(id).orElseThrow(() -> new NotFound("Payment"));
        ledgers.visible(caller, p.accountId());
        return view(p);
    }

    @Transactional
    public PaymentView reverse(Caller caller, UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Violations.of("reason", "is required (at most 500 characters), e.g. returned check or chargeback");
        }
        PaymentRecord p = payments.payment(id).orElseThrow(() -> new NotFound("Payment"));
        ledgers.visible(caller, p.accountId());
        posting.lock(p.accountId());
        if (!payments.markReversed(id, reason.trim(), clock.instant())) {
            throw new Conflict(REVERSED, "Payment " + id + " was reversed already");
        }
        List<PostedEntry> entries = ledger.entriesOfPayment(id);
        List<UUID> toReverse = new ArrayList<>();
        BigDecimal recoveries = BigDecimal.ZERO;
        for (PostedEntry e : entries) {
            if (Posting.RECOVERY.equals(e.kind())) {
                recoveries = recoveries.add(e.amount());
            } else if (e.type() != EntryType.REVERSAL) {
                toReverse.add(e.id());
            }
        }
        LocalDate today = LocalDate.now(clock);
        posting.reverse(p.accountId(), toReverse, EntrySource.MANUAL, "reversal of payment " + id, today,
                caller.subject(), reason.trim());
        if (recoveries.signum() > 0) {
            // the recovered bad debt is written off again
            posting.post(p.accountId(), List.of(new PlannedEntry(EntryType.WRITE_OFF, recoveries.setScale(2),
                    Responsibility.PATIENT, null, null, null, EntrySource.MANUAL, "reversal of payment " + id, today)),
                    caller.subject(), new PostingTags(id, p.method(), p.partnerId(), Posting.BAD_DEBT));
        }
        return view(payments.payment(id).orElseThrow());
    }

    private PaymentView view(PaymentRecord p) {
        return view(p, ledger.entriesOfPayment(p.id()));
    }

    private static PaymentView view(PaymentRecord p, List<PostedEntry> ofPayment) {
        List<EntryView> entries = ofPayment.stream().map(e -> new EntryView(e.id(), e.type().name(),
                e.kind(), e.claimId(), e.amount())).toList();
        return new PaymentView(p.id(), p.accountId(), p.practiceId(), p.amount(), p.method(), p.reference(), p.partnerId(),
                p.receivedAt(), p.applied(), p.recovered(), p.credited(), p.reversedAt() == null ? "POSTED" : "REVERSED",
                p.reversalReason(), entries);
    }

    private static PlannedEntry payment(BigDecimal amount, UUID claimId, EntrySource source, String ref, LocalDate day) {
        return new PlannedEntry(EntryType.PAYMENT, amount, Responsibility.PATIENT, claimId, null, null, source, ref, day);
    }

    private static BigDecimal check(PaymentCommand c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.practiceId() == null || !dev.revcycle.common.security.CurrentCaller.PRACTICE_CODE.matcher(c.practiceId()).matches()) {
            errors.add(new FieldError("practiceId", "is required (a practice code)"));
        }
        if ((c.accountId() == null) == (c.patientId() == null)) {
            errors.add(new FieldError("accountId", "give either accountId or patientId"));
        }
        BigDecimal amount = Effects.money(c.amount());
        if (amount == null) {
            errors.add(new FieldError("amount", "must be a positive amount with at most two decimals"));
        }
        if (c.method() == null || !METHODS.contains(c.method())) {
            errors.add(new FieldError("method", "must be one of CARD, CASH, CHECK, ACH, LOCKBOX, AGENCY"));
        }
        if (c.reference() == null || c.reference().isBlank() || c.reference().length() > 100) {
            errors.add(new FieldError("reference", "is required (at most 100 characters)"));
        }
        if (c.receivedAt() == null) {
            errors.add(new FieldError("receivedAt", "is required (an ISO-8601 instant)"));
        }
        BigDecimal allocated = BigDecimal.ZERO;
        Set<UUID> seen = new HashSet<>();
        if (c.allocations() != null) {
            for (int i = 0; i < c.allocations().size(); i++) {
                Allocation a = c.allocations().get(i);
                if (a == null || a.claimId() == null || !seen.add(a.claimId())) {
                    errors.add(new FieldError("allocations[" + i + "].claimId", "is required, once per claim"));
                }
                BigDecimal x = a == null ? null : Effects.money(a.amount());
                if (x == null) {
                    errors.add(new FieldError("allocations[" + i + "].amount", "must be a positive amount with at most two decimals"));
                } else {
                    allocated = allocated.add(x);
                }
            }
        }
        if (amount != null && allocated.compareTo(amount) > 0) {
            errors.add(new FieldError("allocations", "allocate at most the payment's amount"));
        }
        Violations.check(errors);
        return amount;
    }

    static boolean isPartner(Caller caller) {
        return caller.hasRole(Roles.PAYMENT_PARTNER) && !caller.hasRole(Roles.POSTER) && !caller.hasRole(Roles.ADMIN);
    }
}
