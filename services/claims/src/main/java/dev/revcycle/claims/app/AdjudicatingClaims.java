package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.adjudication.Adjudication;
import dev.revcycle.claims.domain.adjudication.Adjudication.Decision;
import dev.revcycle.claims.domain.adjudication.Adjudication.Outcome;
import dev.revcycle.claims.domain.adjudication.DenialActions;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.store.AdjudicationRepository;
import dev.revcycle.claims.store.AdjudicationRepository.AnswerKey;
import dev.revcycle.claims.store.AdjudicationRepository.ClaimLineRef;
import dev.revcycle.claims.store.AdjudicationRepository.ClaimUpdate;
import dev.revcycle.claims.store.AdjudicationRepository.Denial;
import dev.revcycle.claims.store.AdjudicationRepository.LockedClaim;
import dev.revcycle.claims.store.AdjudicationRepository.NewAdjudication;
import dev.revcycle.claims.store.AdjudicationRepository.NewHistory;
import dev.revcycle.claims.store.AdjudicationRepository.NewLine;
import dev.revcycle.claims.store.AdjudicationRepository.StoredAdjustment;
import dev.revcycle.claims.store.AdjudicationRepository.StoredReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a payer's 835 makes of claims (payments' {@code RemittancePosted}, one per CLP), inside the
 * caller's transaction (the inbox's): {@link Adjudication#decide} per answer, in order, then for the
 * whole batch in a fixed number of statements — an adjudication row with its lines, the claim's move
 * (PAID, PARTIALLY_PAID, DENIED; a reversal back to ACCEPTED) with a history row, the claim's current
 * summary (net paid, the payer's claim control number, when), the denials queue, and ClaimAdjudicated
 * (ClaimDenied when DENIED) through the outbox.
 *
 * <p>Once only: an answer already recorded (same remittance, claim and CLP02: {@code claim_adjudication_once})
 * changes nothing. An answer that cannot move the claim (a DRAFT, READY, REJECTED or VOIDED claim; a reversal
 * of a claim not adjudicated; CLP02 other than 1–4, 19–22) is kept with a history row, status unchanged, no event.
 *
 * <p>After writing, each {@link FollowUp} bean is called with what was adjudicated, in the same transaction
 * (secondary claims hook in there).
 */
@ApplicationScoped
public class AdjudicatingClaims {
    public static final String ACTOR = "system:remittance";

    /** One payer answer about one claim, as payments posted it. {@code claimLineIds} align with the advice's lines (null where unknown). */
    public record Remittance(UUID claimId, String practiceId, UUID remittanceId, String traceNumber, String payerId,
                             RemittanceAdvice advice, List<UUID> claimLineIds) {
        public Remittance {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(remittanceId, "remittanceId");
            Objects.requireNonNull(advice, "advice");
            claimLineIds = claimLineIds == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(claimLineIds));
        }

        @Override
        public String toString() {
            return "Remittance[claim " + claimId + ", remittance " + remittanceId + ", " + advice + "]";
        }
    }

    /** What became of one answer. */
    public enum Effect {
        /** The claim was adjudicated (or reopened): its status, summary and events. */
        ADJUDICATED,
        /** Kept in the claim's adjudications and history; the claim did not change. */
        RECORDED,
        /** This answer was recorded before: nothing happened. */
        ALREADY_RECORDED,
        /** No such claim: nothing happened (the consumer dead-letters it). */
        UNKNOWN_CLAIM,
        /** The claim belongs to another practice than the remittance says: nothing happened (dead-lettered). */
        OTHER_PRACTICE
    }

    /**
     * What happened to a claim: the decision, the statuses before and after, its version after, and the
     * ids of the adjudication row and of the claim's coverage and payer (what a follow-up needs).
     */
    public record Adjudicated(Remittance remittance, Effect effect, Decision decision, UUID adjudicationId,
                              UUID patientId, UUID coverageId, UUID payerId, ClaimStatus from, ClaimStatus to,
                              long version) {
        public UUID claimId() {
            return remittance.claimId();
        }

        @Override
        public String toString() {
            return "Adjudicated[claim " + remittance.claimId() + ", " + effect + ", " + from + " -> " + to + "]";
        }
    }

    /** Called after a batch is written, in its transaction, with the answers that ADJUDICATED a claim, in order. */
    public interface FollowUp {
        void adjudicated(List<Adjudicated> adjudicated);
    }

    @Inject
    AdjudicationRepository store;

    @Inject
    ClaimEvents events;

    @Inject
    Instance<FollowUp> followUps;

    @Inject
    Clock clock;

    /** One answer (the unbatched path). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Adjudicated adjudicate(Remittance remittance) {
        return adjudicateAll(List.of(remittance)).get(0);
    }

    /** Mutable state of a claim while its answers of a batch are applied, in order. */
    private static final class Working {
        final LockedClaim locked;
        ClaimStatus status;
        long version;
        BigDecimal paid;
        String payerClaimControlNumber;
        boolean changed;
        boolean denialsTouched;
        Denial denial;

        Working(LockedClaim locked) {
            this.locked = locked;
            this.status = locked.status();
            this.version = locked.version();
            this.paid = locked.paidAmount();
            this.payerClaimControlNumber = locked.payerClaimControlNumber();
        }
    }

    /**
     * The answers of a batch, in order (two answers about one claim apply one after the other).
     *
     * @return one result per answer, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Adjudicated> adjudicateAll(List<Remittance> remittances) {
        Set<UUID> ids = new LinkedHashSet<>();
        remittances.forEach(r -> ids.add(r.claimId()));
        Map<UUID, LockedClaim> locked = store.lockClaims(ids);
        Set<AnswerKey> recorded = new HashSet<>(locked.isEmpty() ? Set.of() : store.recorded(locked.keySet()));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

        Map<UUID, Working> working = new LinkedHashMap<>();
        List<Adjudicated> results = new ArrayList<>(remittances.size());
        List<NewAdjudication> rows = new ArrayList<>();
        List<NewHistory> history = new ArrayList<>();
        List<Pending> toPublish = new ArrayList<>();
        for (Remittance r : remittances) {
            LockedClaim claim = locked.get(r.claimId());
            if (claim == null) {
                results.add(new Adjudicated(r, Effect.UNKNOWN_CLAIM, null, null, null, null, null, null, null, 0));
                continue;
            }
            if (r.practiceId() != null && !r.practiceId().equals(claim.practiceId())) {
                results.add(new Adjudicated(r, Effect.OTHER_PRACTICE, null, null, null, null, null, null, null, 0));
                continue;
            }
            AnswerKey key = new AnswerKey(r.remittanceId(), r.claimId(), r.advice().claimStatusCode());
            Working w = working.computeIfAbsent(r.claimId(), k -> new Working(claim));
            if (!recorded.add(key)) {
                results.add(new Adjudicated(r, Effect.ALREADY_RECORDED, null, null, claim.patientId(),
                        claim.coverageId(), claim.payerId(), w.status, w.status, w.version));
                continue;
            }
            Decision decision = Adjudication.decide(r.advice());
            ClaimStatus from = w.status;
            ClaimStatus to = target(decision, from);
            boolean applies = to != null;
            UUID adjudicationId = UUID.randomUUID();
            List<NewLine> lines = lines(r, claim);
            BigDecimal allowed = allowed(r.advice(), lines);
            String reason = reason(r, decision, from, to);
            rows.add(new NewAdjudication(adjudicationId, r.claimId(), claim.practiceId(), r.remittanceId(),
                    r.traceNumber(), r.payerId(), r.advice().claimStatusCode(), decision.outcome().name(),
                    r.advice().payerClaimControlNumber(), r.advice().paidDate(), money(r.advice().charge()),
                    money(r.advice().paid()), allowed, money(r.advice().patientResponsibility()),
                    adjustments(r.advice().claimAdjustments()), now, from, applies ? to : from, reason, lines));
            history.add(new NewHistory(r.claimId(), from, applies ? to : from, ACTOR, now,
                    "CLP02 " + r.advice().claimStatusCode(), reason));
            if (!applies) {
                results.add(new Adjudicated(r, Effect.RECORDED, decision, adjudicationId, claim.patientId(),
                        claim.coverageId(), claim.payerId(), from, from, w.version));
                continue;
            }
            w.status = to;
            w.version++;
            w.changed = true;
            w.paid = (w.paid == null ? BigDecimal.ZERO : w.paid).add(money(r.advice().paid()));
            if (r.advice().payerClaimControlNumber() != null) {
                w.payerClaimControlNumber = r.advice().payerClaimControlNumber();
            }
            w.denialsTouched = true;
            w.denial = denial(claim, r, decision, to, adjudicationId, w.payerClaimControlNumber, today);
            Adjudicated done = new Adjudicated(r, Effect.ADJUDICATED, decision, adjudicationId, claim.patientId(),
                    claim.coverageId(), claim.payerId(), from, to, w.version);
            results.add(done);
            toPublish.add(new Pending(done, claim, lines, allowed, w.payerClaimControlNumber, w.denial));
        }

        List<ClaimUpdate> updates = new ArrayList<>();
        List<UUID> denialsOf = new ArrayList<>();
        List<Denial> denials = new ArrayList<>();
        for (Working w : working.values()) {
            if (w.changed) {
                updates.add(new ClaimUpdate(w.locked.id(), w.status, w.version, w.locked.version(), w.paid,
                        w.payerClaimControlNumber, now));
            }
            if (w.denialsTouched) {
                denialsOf.add(w.locked.id());
                if (w.denial != null) {
                    denials.add(w.denial);
                }
            }
        }
        store.write(rows, history, updates, denialsOf, denials, today);
        for (Pending p : toPublish) {
            events.adjudicated(p.done(), p.claim().patientControlNumber(), p.lines(), p.allowed(),
                    p.payerClaimControlNumber(), now);
            if (p.done().to() == ClaimStatus.DENIED && p.denial() != null) {
                events.denied(p.done(), p.denial(), now);
            }
        }
        List<Adjudicated> adjudicated = results.stream().filter(a -> a.effect() == Effect.ADJUDICATED).toList();
        if (!adjudicated.isEmpty()) {
            for (FollowUp followUp : followUps) {
                followUp.adjudicated(adjudicated);
            }
        }
        return results;
    }

    private record Pending(Adjudicated done, LockedClaim claim, List<NewLine> lines, BigDecimal allowed,
                           String payerClaimControlNumber, Denial denial) {
    }

    /** The status an answer moves the claim to, or null when it cannot move it (the answer is only recorded). */
    static ClaimStatus target(Decision decision, ClaimStatus from) {
        ClaimStatus to = decision.outcome().status();
        if (to == null) {
            return null;
        }
        if (decision.outcome() == Outcome.REOPENED) {
            return from.adjudicated() ? ClaimStatus.ACCEPTED : null;
        }
        if (to == from || from.canMoveTo(to)) {
            return to;
        }
        return null;
    }

    private static String reason(Remittance r, Decision decision, ClaimStatus from, ClaimStatus to) {
        StringBuilder text = new StringBuilder(decision.reason());
        if (decision.outcome().status() != null && to == null) {
            text.append(". Not applied: a ").append(from).append(" claim cannot become ")
                    .append(decision.outcome() == Outcome.REOPENED ? "ACCEPTED by a reversal" : decision.outcome().status())
                    .append("; status unchanged");
        } else if (to == from && to != null) {
            text.append(". Adjudicated again, status unchanged");
        }
        if (r.advice().payerClaimControlNumber() != null) {
            text.append(" (payer claim control number ").append(r.advice().payerClaimControlNumber());
            text.append(r.traceNumber() == null ? ")" : ", remittance trace " + r.traceNumber() + ")");
        } else if (r.traceNumber() != null) {
            text.append(" (remittance trace ").append(r.traceNumber()).append(")");
        }
        return text.toString();
    }

    private static List<NewLine> lines(Remittance r, LockedClaim claim) {
        List<RemittanceAdvice.Line> lines = r.advice().lines();
        List<NewLine> out = new ArrayList<>(lines.size());
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            RemittanceAdvice.Line l = lines.get(i);
            int number = l.lineNumber() != null && l.lineNumber() > 0 && used.add(l.lineNumber()) ? l.lineNumber()
                    : nextFree(used, i + 1);
            ClaimLineRef ref = claim.lines().get(number);
            UUID lineId = i < r.claimLineIds().size() && r.claimLineIds().get(i) != null ? r.claimLineIds().get(i)
                    : ref == null ? null : ref.lineId();
            BigDecimal paid = money(l.paid());
            BigDecimal pr = money(l.patientResponsibility());
            out.add(new NewLine(number, lineId, l.procedureCode() != null ? l.procedureCode()
                    : ref == null ? null : ref.procedureCode(), ref == null ? List.of() : ref.modifiers(),
                    ref == null ? null : ref.serviceDate(), money(l.charge()),
                    l.allowed() != null ? money(l.allowed()) : paid.add(pr), paid, pr, adjustments(l.adjustments())));
        }
        return out;
    }

    private static int nextFree(Set<Integer> used, int from) {
        int n = from;
        while (!used.add(n)) {
            n++;
        }
        return n;
    }

    /** Σ the lines' allowed amounts; without lines what was paid plus the patient's share. */
    private static BigDecimal allowed(RemittanceAdvice advice, List<NewLine> lines) {
        if (lines.isEmpty()) {
            return money(advice.paid()).add(money(advice.patientResponsibility()));
        }
        return lines.stream().map(NewLine::allowed).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The claim's entry in the denials queue after this answer, or null when it leaves (or stays out of) it. */
    private static Denial denial(LockedClaim claim, Remittance r, Decision decision, ClaimStatus to, UUID adjudicationId,
                                 String payerClaimControlNumber, LocalDate today) {
        boolean queued = to == ClaimStatus.DENIED || to == ClaimStatus.PARTIALLY_PAID && !decision.denials().isEmpty();
        if (!queued) {
            return null;
        }
        List<StoredReason> reasons = new ArrayList<>();
        for (Adjustment a : r.advice().claimAdjustments()) {
            if (Adjudication.isDenial(a)) {
                reasons.add(reason(a, null));
            }
        }
        for (int i = 0; i < r.advice().lines().size(); i++) {
            RemittanceAdvice.Line l = r.advice().lines().get(i);
            for (Adjustment a : l.adjustments()) {
                if (Adjudication.isDenial(a)) {
                    reasons.add(reason(a, l.lineNumber() == null ? i + 1 : l.lineNumber()));
                }
            }
        }
        reasons.sort((a, b) -> b.amount().compareTo(a.amount()));
        BigDecimal amount = reasons.stream().map(StoredReason::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        LocalDate on = r.advice().paidDate() == null ? today : r.advice().paidDate();
        return new Denial(claim.id(), claim.practiceId(), claim.payerId(), adjudicationId, claim.patientControlNumber(),
                payerClaimControlNumber, to, amount, on, DenialActions.suggest(decision.denials()).name(), reasons);
    }

    private static StoredReason reason(Adjustment a, Integer lineNumber) {
        return new StoredReason(a.groupCode(), a.reasonCode(), a.remarkCode(), money(a.amount()), lineNumber);
    }

    private static List<StoredAdjustment> adjustments(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> new StoredAdjustment(a.groupCode(), a.reasonCode(), a.remarkCode(),
                money(a.amount()))).toList();
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
