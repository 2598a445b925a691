package dev.revcycle.payments.app;

import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.Effects;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.events.LedgerEvents;
import dev.revcycle.payments.store.LedgerStore;
import dev.revcycle.payments.store.PeriodStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way money enters the ledger: every path (claims' charges, partner payments, lockbox lines,
 * remittances, write-offs, refunds, manual adjustments) plans its entries and posts them here. Each call
 * locks the account row (SELECT … FOR UPDATE, so concurrent postings to one account serialise), dates the
 * entries into an open month, appends them, moves the balances by exactly their effects in the same
 * transaction, bumps the account's version once and publishes {@code AccountBalanceChanged} plus one event
 * per entry through the outbox (key = account id, version = the account's).
 */
@ApplicationScoped
public class Posting {
    public static final Reason PERIOD_CLOSED = new Reason("period-closed", "The month is closed");
    public static final Reason NOT_REVERSIBLE = new Reason("not-reversible", "The entry cannot be reversed");
    public static final String RECOVERY = "RECOVERY";
    public static final String BAD_DEBT = "BAD_DEBT";
    public static final String REVERSAL = "REVERSAL";

    @Inject
    LedgerStore ledger;

    @Inject
    PeriodStore periods;

    @Inject
    LedgerEvents events;

    @Inject
    Clock clock;

    /** {@link #post(UUID, List, String, PostingTags)} without tags. */
    @Transactional
    public List<PostedEntry> post(UUID accountId, List<PlannedEntry> entries, String actor) {
        return post(accountId, entries, actor, PostingTags.NONE);
    }

    /**
     * Posts {@code entries} to one account, in the caller's transaction (or a new one).
     * Amounts must be positive with scale 2. A REVERSAL may be planned only as a RECOVERY (tags.kind), which
     * re-establishes a bad-debt write-off on the patient's side; to reverse entries use {@link #reverse}.
     * Entries dated into a closed month: refused (422) when their source is MANUAL, otherwise dated on the
     * first day of the first open month.
     *
     * @return the entries as posted, in order
     * @throws NotFound when there is no such account
     */
    @Transactional
    public List<PostedEntry> post(UUID accountId, List<PlannedEntry> entries, String actor, PostingTags tags) {
        Account account = lock(accountId);
        Instant now = clock.instant();
        List<PostedEntry> posted = new ArrayList<>(entries.size());
        for (PlannedEntry p : entries) {
            BigDecimal amount = Effects.money(p.amount());
            if (amount == null) {
                throw new IllegalArgumentException("an entry's amount must be positive with two decimals");
            }
            BigDecimal[] effect;
            UUID reversalOf = null;
            if (p.type() == EntryType.REVERSAL) {
                if (!RECOVERY.equals(tags.kind())) {
                    throw new IllegalArgumentException("reverse entries with Posting.reverse");
                }
                effect = Effects.of(EntryType.CHARGE, p.responsibility(), amount);
            } else {
                effect = Effects.of(p.type(), p.responsibility(), amount);
            }
            posted.add(new PostedEntry(UUID.randomUUID(), accountId, account.practiceId(), p.type(), amount,
                    p.responsibility(), effect[0], effect[1], p.claimId(), p.claimLineId(), p.reason(), kindOf(p, tags),
                    p.source(), p.sourceReference(), tags.paymentId(), tags.method(), tags.partnerId(),
                    dated(account.practiceId(), p.source(), p.effectiveDate()), now, actor, reversalOf));
        }
        return append(account, posted, now, Map.of());
    }

    /**
     * Reverses earlier entries of the account exactly (one REVERSAL each, the negated effect), each at most
     * once. {@code paymentReversal} carries the reason when these are a partner payment's entries
     * (PaymentReversed is then published once instead of one AdjustmentPosted per entry).
     */
    @Transactional
    public List<PostedEntry> reverse(UUID accountId, List<UUID> entryIds, EntrySource source, String sourceReference,
                                     LocalDate effectiveDate, String actor, String paymentReversalReason) {
        Account account = lock(accountId);
        Instant now = clock.instant();
        List<PostedEntry> posted = new ArrayList<>(entryIds.size());
        for (UUID id : entryIds) {
            PostedEntry original = ledger.entry(id).filter(e -> e.accountId().equals(accountId))
                    .orElseThrow(() -> new NotFound("Ledger entry"));
            if (original.type() == EntryType.REVERSAL || ledger.reversed(id)) {
                throw new Unprocessable(NOT_REVERSIBLE, "Entry " + id + " is a reversal or was reversed already");
            }
            posted.add(new PostedEntry(UUID.randomUUID(), accountId, account.practiceId(), EntryType.REVERSAL,
                    original.amount(), original.responsibility(), original.insuranceDelta().negate(),
                    original.patientDelta().negate(), original.claimId(), original.claimLineId(), original.reason(),
                    REVERSAL, source, sourceReference, original.paymentId(), original.method(), original.partnerId(),
                    dated(account.practiceId(), source, effectiveDate), now, actor, id));
        }
        Map<UUID, PostedEntry> originals = new java.util.HashMap<>();
        for (PostedEntry p : posted) {
            originals.put(p.id(), ledger.entry(p.reversalOf()).orElseThrow());
        }
        return append(account, posted, now, originals, paymentReversalReason);
    }

    /** One claim's share of a remittance posting on an account: earlier entries to reverse, then new entries. */
    public record Part(List<UUID> reversals, List<PlannedEntry> entries) {
        public Part {
            reversals = List.copyOf(reversals);
            entries = List.copyOf(entries);
        }
    }

    /** The account after a posting, and each part's entries as posted (same order as the parts). */
    public record Posted(Account account, List<List<PostedEntry>> parts) {
    }

    /**
     * An 835's entries for one account, under one lock and one version bump: for each part (one CLP), exact
     * reversals of earlier entries (as {@link #reverse}) then new entries (as {@link #post}); one event per entry
     * and one {@code AccountBalanceChanged}. Parts without entries still lock the account (the answer's version is
     * the account's current one).
     */
    @Transactional
    public Posted postParts(UUID accountId, List<Part> parts, EntrySource source, String sourceReference,
                            LocalDate reversalDate, String actor) {
        Account account = lock(accountId);
        Instant now = clock.instant();
        Map<LocalDate, LocalDate> dates = new java.util.HashMap<>();
        List<PostedEntry> all = new ArrayList<>();
        List<List<PostedEntry>> byPart = new ArrayList<>(parts.size());
        Map<UUID, PostedEntry> originals = new java.util.HashMap<>();
        for (Part part : parts) {
            List<PostedEntry> posted = new ArrayList<>(part.reversals().size() + part.entries().size());
            for (UUID id : part.reversals()) {
                PostedEntry original = ledger.entry(id).filter(e -> e.accountId().equals(accountId))
                        .orElseThrow(() -> new NotFound("Ledger entry"));
                if (original.type() == EntryType.REVERSAL || ledger.reversed(id)) {
                    throw new Unprocessable(NOT_REVERSIBLE, "Entry " + id + " is a reversal or was reversed already");
                }
                PostedEntry reversal = new PostedEntry(UUID.randomUUID(), accountId, account.practiceId(),
                        EntryType.REVERSAL, original.amount(), original.responsibility(),
                        original.insuranceDelta().negate(), original.patientDelta().negate(), original.claimId(),
                        original.claimLineId(), original.reason(), REVERSAL, source, sourceReference,
                        original.paymentId(), original.method(), original.partnerId(),
                        dates.computeIfAbsent(reversalDate, d -> dated(account.practiceId(), source, d)), now, actor, id);
                originals.put(reversal.id(), original);
                posted.add(reversal);
            }
            for (PlannedEntry p : part.entries()) {
                BigDecimal amount = Effects.money(p.amount());
                if (amount == null || p.type() == EntryType.REVERSAL) {
                    throw new IllegalArgumentException("a remittance entry must be positive with two decimals, not a reversal");
                }
                BigDecimal[] effect = Effects.of(p.type(), p.responsibility(), amount);
                posted.add(new PostedEntry(UUID.randomUUID(), accountId, account.practiceId(), p.type(), amount,
                        p.responsibility(), effect[0], effect[1], p.claimId(), p.claimLineId(), p.reason(),
                        kindOf(p, PostingTags.NONE), p.source(), p.sourceReference(), null, null, null,
                        dates.computeIfAbsent(p.effectiveDate(), d -> dated(account.practiceId(), p.source(), d)), now,
                        actor, null));
            }
            all.addAll(posted);
            byPart.add(posted);
        }
        if (all.isEmpty()) {
            return new Posted(account, byPart);
        }
        return new Posted(appended(account, all, now, originals, null), byPart);
    }

    /**
     * Moves everything the duplicate account holds to the survivor by TRANSFER entries (kind MERGE_OUT on the
     * duplicate, MERGE_IN on the survivor), one per claim and responsibility with an open amount; the claims
     * follow. Both accounts are locked in id order (no deadlock with a concurrent merge).
     */
    @Transactional
    public void moveAll(UUID duplicateId, UUID survivorId, String actor) {
        Account first = lock(duplicateId.compareTo(survivorId) < 0 ? duplicateId : survivorId);
        Account second = lock(duplicateId.compareTo(survivorId) < 0 ? survivorId : duplicateId);
        Account duplicate = first.id().equals(duplicateId) ? first : second;
        Account survivor = first.id().equals(survivorId) ? first : second;
        Instant now = clock.instant();
        LocalDate today = dated(survivor.practiceId(), EntrySource.TRANSFER, LocalDate.now(clock));
        List<PostedEntry> out = new ArrayList<>();
        List<PostedEntry> in = new ArrayList<>();
        for (LedgerStore.ClaimSums sums : ledger.sumsByClaim(duplicateId)) {
            for (var r : dev.revcycle.payments.domain.Responsibility.values()) {
                BigDecimal open = r == dev.revcycle.payments.domain.Responsibility.INSURANCE ? sums.insurance() : sums.patient();
                if (open.signum() == 0) {
                    continue;
                }
                BigDecimal zero = Account.ZERO;
                boolean ins = r == dev.revcycle.payments.domain.Responsibility.INSURANCE;
                String ref = "merge " + duplicateId + " -> " + survivorId;
                out.add(new PostedEntry(UUID.randomUUID(), duplicateId, duplicate.practiceId(), EntryType.TRANSFER,
                        open.abs(), r, ins ? open.negate() : zero, ins ? zero : open.negate(), sums.claimId(), null, null,
                        "MERGE_OUT", EntrySource.TRANSFER, ref, null, null, null, today, now, actor, null));
                in.add(new PostedEntry(UUID.randomUUID(), survivorId, survivor.practiceId(), EntryType.TRANSFER,
                        open.abs(), r, ins ? open : zero, ins ? zero : open, sums.claimId(), null, null,
                        "MERGE_IN", EntrySource.TRANSFER, ref, null, null, null, today, now, actor, null));
            }
        }
        ledger.moveClaims(duplicateId, survivorId);
        appendOrTouch(duplicate, out, now);
        appendOrTouch(survivor, in, now);
    }

    private void appendOrTouch(Account account, List<PostedEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            Account after = account.with(account.insuranceSum(), account.patientSum(), account.badDebtOpen(),
                    ledger.oldestOpen(account.id()));
            ledger.updateBalances(after, now);
            events.balance(after);
        } else {
            append(account, entries, now, Map.of());
        }
    }

    /** The account, locked for the rest of the transaction. */
    public Account lock(UUID accountId) {
        return ledger.lock(accountId).orElseThrow(() -> new NotFound("Account"));
    }

    /** The date an entry is posted on: its own, or the first open month's first day when its month is closed. */
    public LocalDate dated(String practiceId, EntrySource source, LocalDate date) {
        LocalDate month = date.withDayOfMonth(1);
        if (!periods.closed(practiceId, month)) {
            return date;
        }
        if (source == EntrySource.MANUAL) {
            throw new Unprocessable(PERIOD_CLOSED, "The month " + month.toString().substring(0, 7)
                    + " is closed for practice " + practiceId + "; date the posting into an open month");
        }
        LocalDate next = month.plusMonths(1);
        for (int i = 0; i < 240 && periods.closed(practiceId, next); i++) {
            next = next.plus(1, ChronoUnit.MONTHS);
        }
        return next;
    }

    private List<PostedEntry> append(Account account, List<PostedEntry> posted, Instant now,
                                     Map<UUID, PostedEntry> originals) {
        return append(account, posted, now, originals, null);
    }

    private List<PostedEntry> append(Account account, List<PostedEntry> posted, Instant now,
                                     Map<UUID, PostedEntry> originals, String paymentReversalReason) {
        if (posted.isEmpty()) {
            return posted;
        }
        appended(account, posted, now, originals, paymentReversalReason);
        return posted;
    }

    /** Appends non-empty {@code posted}, moves the balances, publishes; answers the account after. */
    private Account appended(Account account, List<PostedEntry> posted, Instant now,
                             Map<UUID, PostedEntry> originals, String paymentReversalReason) {
        ledger.insert(posted);
        BigDecimal insurance = account.insuranceSum();
        BigDecimal patient = account.patientSum();
        BigDecimal badDebt = account.badDebtOpen();
        for (PostedEntry e : posted) {
            insurance = insurance.add(e.insuranceDelta());
            patient = patient.add(e.patientDelta());
            if (e.type() == EntryType.WRITE_OFF && BAD_DEBT.equals(e.kind())) {
                badDebt = badDebt.add(e.amount());
            } else if (RECOVERY.equals(e.kind())) {
                badDebt = badDebt.subtract(e.amount()).max(Account.ZERO);
            } else if (e.type() == EntryType.REVERSAL && originals.containsKey(e.id())
                    && originals.get(e.id()).type() == EntryType.WRITE_OFF && BAD_DEBT.equals(originals.get(e.id()).kind())) {
                badDebt = badDebt.subtract(e.amount()).max(Account.ZERO);
            }
        }
        // the entries are in the table already: the open claims' dates include them
        Account after = account.with(insurance, patient, badDebt, ledger.oldestOpen(account.id()));
        ledger.updateBalances(after, now);
        events.posted(after, posted, originals, paymentReversalReason);
        return after;
    }

    private static String kindOf(PlannedEntry p, PostingTags tags) {
        if (tags.kind() != null) {
            return tags.kind();
        }
        if (p.type() == EntryType.ADJUSTMENT && p.reason() != null && "CO".equals(p.reason().group())) {
            return "CONTRACTUAL";
        }
        return null;
    }
}
