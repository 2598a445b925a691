package dev.revcycle.payments.app;

import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.Responsibility;
import dev.revcycle.payments.store.ClaimStore;
import dev.revcycle.payments.store.ClaimStore.KnownClaim;
import dev.revcycle.payments.store.ClaimStore.KnownLine;
import dev.revcycle.payments.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims' charges: a created claim posts one CHARGE per line (insurance responsibility, the patient's
 * when self-pay); a change reverses the claim's charges and posts the new lines; a claim made from
 * another posts none; a void accepted by the payer (ClaimVoided) reverses the claim's charges; a correction accepted
 * by the payer (ClaimReplaced) moves them to the correction's lines. The claim is kept (read model) for remittance
 * matching.
 */
@ApplicationScoped
public class Charges {
    static final String ACTOR = "claims-events";

    /** A claim as the event carries it (created or changed: the whole claim). */
    public record ClaimFacts(UUID claimId, String practiceId, UUID patientId, UUID coverageId, UUID payerId,
                             String patientControlNumber, boolean madeFromAnother, List<KnownLine> lines, long version) {
    }

    @Inject
    LedgerStore ledger;

    @Inject
    ClaimStore claims;

    @Inject
    Posting posting;

    @Inject
    java.time.Clock clock;

    @Transactional
    public Accounts.Applied apply(ClaimFacts f) {
        Optional<Account> account = ledger.findByPatient(f.patientId(), f.practiceId());
        if (account.isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        // a merged patient's new claims go to the survivor's account
        UUID current = account.get().mergedInto() != null ? account.get().mergedInto() : account.get().id();
        UUID accountId = claims.find(f.claimId()).map(KnownClaim::accountId).orElse(current);
        posting.lock(accountId);
        LocalDate first = f.lines().stream().map(KnownLine::serviceDate).min(Comparator.naturalOrder()).orElse(null);
        if (!claims.upsertNewer(new KnownClaim(f.claimId(), accountId, f.practiceId(), f.patientId(), f.coverageId(),
                f.payerId(), f.patientControlNumber(), f.madeFromAnother(), first, f.version()), f.lines())) {
            return Accounts.Applied.ALREADY;
        }
        if (f.madeFromAnother()) {
            // its charges are another claim's (a secondary's are its primary's), or were moved to it by ClaimReplaced,
            // which a ClaimChanged of its draft read late on another partition must not undo
            return Accounts.Applied.APPLIED;
        }
        List<UUID> toReverse = standingCharges(f.claimId());
        String ref = f.claimId() + " v" + f.version();
        if (!toReverse.isEmpty()) {
            posting.reverse(accountId, toReverse, EntrySource.CLAIM, ref, LocalDate.now(clock), ACTOR, null);
        }
        Responsibility r = f.coverageId() == null ? Responsibility.PATIENT : Responsibility.INSURANCE;
        List<PlannedEntry> charges = f.lines().stream().filter(l -> l.chargeAmount().signum() > 0)
                .map(l -> new PlannedEntry(EntryType.CHARGE, l.chargeAmount(), r, f.claimId(), l.id(), null,
                        EntrySource.CLAIM, ref, l.serviceDate())).toList();
        if (!charges.isEmpty()) {
            posting.post(accountId, charges, ACTOR);
        }
        return Accounts.Applied.APPLIED;
    }

    /**
     * ClaimVoided: the payer accepted the claim's void, so every charge of the claim still standing is reversed
     * (REVERSAL entries, the exact negated effect, source CLAIM, reference {@code <claimId> void}), dated today in the
     * first open month. Payments and adjustments stay as posted: a payer takes back what it paid with an 835 reversal
     * (CLP02 22), posted like any remittance. A redelivery (or a second ClaimVoided) finds nothing left to reverse and
     * changes nothing. A claim not known yet is retried; one of another practice than the event's is never touched.
     */
    @Transactional
    public Accounts.Applied voided(UUID claimId, String practiceId) {
        Optional<KnownClaim> known = claims.find(claimId);
        if (known.isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        if (!known.get().practiceId().equals(practiceId)) {
            return Accounts.Applied.ALREADY;
        }
        UUID accountId = known.get().accountId();
        posting.lock(accountId);
        List<UUID> toReverse = standingCharges(claimId);
        if (toReverse.isEmpty()) {
            return Accounts.Applied.ALREADY;
        }
        posting.reverse(accountId, toReverse, EntrySource.CLAIM, claimId + " void", LocalDate.now(clock), ACTOR, null);
        return Accounts.Applied.APPLIED;
    }

    /**
     * ClaimReplaced: the payer accepted a correction (frequency 7) of the claim, so the claim's standing charges move to
     * the correction's lines: each is reversed (REVERSAL, reference {@code <claimId> replaced by <correctionId>}, dated
     * today in the first open month) and one CHARGE per line of the correction is posted on the correction claim, dated
     * on its service date, with the original's responsibility (the patient's when self-pay). Payments and adjustments
     * stay as posted (the payer's 835 reverses the original's payment, CLP02 22, and pays the correction). A replaced
     * claim that carried no charge (a secondary claim, whose charges are its primary's) moves nothing. A redelivery
     * finds the correction's charges posted and changes nothing; either claim not known yet is retried; a claim of
     * another practice than the event's is never touched.
     */
    @Transactional
    public Accounts.Applied replaced(UUID claimId, UUID correctionClaimId, String practiceId, List<KnownLine> lines) {
        Optional<KnownClaim> known = claims.find(claimId);
        if (known.isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        KnownClaim original = known.get();
        if (!original.practiceId().equals(practiceId)) {
            return Accounts.Applied.ALREADY;
        }
        Optional<KnownClaim> correction = claims.find(correctionClaimId);
        if (correction.isEmpty()) {
            return Accounts.Applied.NOT_YET_KNOWN;
        }
        if (!correction.get().practiceId().equals(practiceId)) {
            return Accounts.Applied.ALREADY;
        }
        UUID accountId = original.accountId();
        posting.lock(accountId);
        if (ledger.entriesOfClaim(correctionClaimId).stream().anyMatch(e -> e.type() == EntryType.CHARGE)) {
            return Accounts.Applied.ALREADY;
        }
        List<UUID> toReverse = standingCharges(claimId);
        if (toReverse.isEmpty() && original.madeFromAnother()) {
            return Accounts.Applied.ALREADY;
        }
        if (!toReverse.isEmpty()) {
            posting.reverse(accountId, toReverse, EntrySource.CLAIM, claimId + " replaced by " + correctionClaimId,
                    LocalDate.now(clock), ACTOR, null);
        }
        Responsibility r = original.coverageId() == null ? Responsibility.PATIENT : Responsibility.INSURANCE;
        String ref = correctionClaimId + " replaces " + claimId;
        List<PlannedEntry> charges = lines.stream().filter(l -> l.chargeAmount().signum() > 0)
                .map(l -> new PlannedEntry(EntryType.CHARGE, l.chargeAmount(), r, correctionClaimId, l.id(), null,
                        EntrySource.CLAIM, ref, l.serviceDate())).toList();
        if (!charges.isEmpty()) {
            posting.post(accountId, charges, ACTOR);
        }
        return Accounts.Applied.APPLIED;
    }

    private List<UUID> standingCharges(UUID claimId) {
        List<UUID> out = new ArrayList<>();
        for (PostedEntry e : ledger.entriesOfClaim(claimId)) {
            if (e.type() == EntryType.CHARGE && !ledger.reversed(e.id())) {
                out.add(e.id());
            }
        }
        return out;
    }
}
