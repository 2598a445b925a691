package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.HistoryEntry;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.store.ClaimHistoryRepository;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way a claim's status changes: every move is checked by {@link ClaimStatus#canMoveTo},
 * raises the claim's version, writes a history row (from, to, who, when, why) and publishes the
 * move's event where it has one (ClaimSubmitted, ClaimAccepted, ClaimRejected), all in the
 * caller's transaction (or one of its own). Not practice-scoped: the scrubber, the submission
 * batches and the acknowledgements call it after their own access checks. A refused move is a 409
 * {@code illegal-transition} naming the claim's status.
 */
@ApplicationScoped
public class ClaimTransitions {
    public static final Reason ILLEGAL_TRANSITION = new Reason("illegal-transition",
            "The claim cannot move to that status from its current one");
    public static final Reason NOT_READY = new Reason("claims-not-ready", "Only READY claims can be submitted");

    /** Sources of a history entry. */
    public static final String SOURCE_USER = "user";
    public static final String SOURCE_SCRUB = "scrub";
    public static final String SOURCE_SUBMISSION = "submission";
    public static final String SOURCE_999 = "999";
    public static final String SOURCE_277CA = "277CA";

    @Inject
    ClaimRepository claims;

    @Inject
    ClaimHistoryRepository history;

    @Inject
    ClaimEvents events;

    @Inject
    dev.revcycle.claims.store.CoordinationRepository coordination;

    @Inject
    Clock clock;

    /** A clean scrub: DRAFT → READY. */
    @Transactional
    public Claim markReady(UUID claimId, String actor) {
        return move(lock(claimId), ClaimStatus.READY, actor, SOURCE_SCRUB, null, null, null, null).claim();
    }

    /** A failed scrub, or an edit of a READY claim: READY → DRAFT (a DRAFT stays as it is). */
    @Transactional
    public Claim backToDraft(UUID claimId, String actor, String reason) {
        ClaimRepository.Stored stored = lock(claimId);
        if (stored.claim().status() == ClaimStatus.DRAFT) {
            return stored.claim();
        }
        return move(stored, ClaimStatus.DRAFT, actor, SOURCE_SCRUB, null, null, reason, null).claim();
    }

    /**
     * READY → SUBMITTED for every claim of a batch, each with ClaimSubmitted. All or none: when any
     * is not READY (or does not exist) a 422 {@code claims-not-ready} names them in
     * {@code notReadyClaimIds} and nothing changes.
     */
    @Transactional
    public List<Claim> markSubmitted(Collection<UUID> claimIds, UUID batchId, String actor) {
        List<UUID> ids = claimIds.stream().distinct().toList();
        List<ClaimRepository.Stored> found = claims.findAll(ids, true);
        List<UUID> notReady = new ArrayList<>();
        java.util.Set<UUID> present = new java.util.HashSet<>();
        for (ClaimRepository.Stored s : found) {
            present.add(s.claim().id());
            if (s.claim().status() != ClaimStatus.READY) {
                notReady.add(s.claim().id());
            }
        }
        ids.stream().filter(id -> !present.contains(id)).forEach(notReady::add);
        if (!notReady.isEmpty()) {
            throw new Unprocessable(NOT_READY, notReady.size() + " of the claims are not READY: scrub them first",
                    Map.of("notReadyClaimIds", notReady));
        }
        Instant now = clock.instant();
        List<Claim> out = new ArrayList<>(found.size());
        for (ClaimRepository.Stored s : found) {
            Claim moved = move(s, ClaimStatus.SUBMITTED, actor, SOURCE_SUBMISSION, null, null, null, batchId).claim();
            events.submitted(moved, batchId, now);
            out.add(moved);
        }
        return out;
    }

    /**
     * 277CA A2: SUBMITTED → ACCEPTED, with ClaimAccepted; the payer's claim control number is kept on the claim (the
     * REF*F8 of a later correction or void). An already ACCEPTED claim stays as it is. The acceptance of a void
     * (frequency 8) ends it and the claim it voids: see {@link #completeVoid}.
     */
    @Transactional
    public Claim accept(UUID claimId, String payerClaimControlNumber, String source, String actor) {
        ClaimRepository.Stored stored = lock(claimId);
        if (stored.claim().status() == ClaimStatus.ACCEPTED
                || stored.claim().status() == ClaimStatus.VOIDED && isVoid(stored.claim())) {
            return stored.claim();
        }
        ClaimRepository.Stored accepted = move(stored, ClaimStatus.ACCEPTED, actor, source, "A2", null,
                payerClaimControlNumber == null ? null : "payer claim control number " + payerClaimControlNumber,
                null);
        Claim moved = accepted.claim();
        if (payerClaimControlNumber != null && !payerClaimControlNumber.isBlank()) {
            coordination.payerClaimControlNumber(claimId, payerClaimControlNumber);
        }
        events.accepted(moved, payerClaimControlNumber, clock.instant());
        if (isVoid(moved)) {
            return completeVoid(accepted, source, actor);
        }
        if (isCorrection(moved)) {
            replaceOriginal(moved, source, actor);
        }
        return moved;
    }

    private static boolean isVoid(Claim claim) {
        return "8".equals(claim.frequencyCode()) && claim.replacesClaimId() != null;
    }

    private static boolean isCorrection(Claim claim) {
        return "7".equals(claim.frequencyCode()) && claim.replacesClaimId() != null;
    }

    /**
     * The payer accepted a correction: from now on the correction's answer is the one that counts. The original keeps
     * its status (its history says the payer accepted the correction) and ClaimReplaced is published for it, with the
     * correction's lines: payments moves the original's standing charges to them.
     */
    private void replaceOriginal(Claim correction, String source, String actor) {
        ClaimRepository.Stored original = lock(correction.replacesClaimId());
        Instant now = clock.instant();
        Claim o = original.claim();
        history.add(new HistoryEntry(UUID.randomUUID(), o.id(), o.status(), o.status(), actor, now, source, "A2", null,
                "replaced by correction claim " + correction.patientControlNumber() + ", accepted by the payer", null));
        String number = coordination.links(List.of(o.id())).get(o.id()).payerClaimControlNumber();
        events.replaced(o, number, correction, now);
    }

    /**
     * The payer accepted a void: the voided claim becomes VOIDED (history, ClaimVoided: payments reverses its
     * charges) and so does the void claim itself, which has done its work. A voided claim that has meanwhile become
     * something a void cannot end (REJECTED …) keeps its status and its history says so.
     */
    private Claim completeVoid(ClaimRepository.Stored voidClaim, String source, String actor) {
        Claim v = voidClaim.claim();
        ClaimRepository.Stored original = lock(v.replacesClaimId());
        Instant now = clock.instant();
        if (original.claim().status().canMoveTo(ClaimStatus.VOIDED)) {
            Claim voided = move(original, ClaimStatus.VOIDED, actor, source, "A2", null,
                    "voided by claim " + v.patientControlNumber(), null).claim();
            String number = coordination.links(List.of(voided.id())).get(voided.id()).payerClaimControlNumber();
            events.voided(voided, number, v, now);
        } else {
            history.add(new HistoryEntry(UUID.randomUUID(), original.claim().id(), original.claim().status(),
                    original.claim().status(), actor, now, source, "A2", null,
                    "the payer accepted void claim " + v.patientControlNumber() + " but this claim is "
                            + original.claim().status(), null));
        }
        return move(voidClaim, ClaimStatus.VOIDED, actor, source, "A2", null, "void accepted by the payer", null).claim();
    }

    /**
     * A 999 rejection or a 277CA category A3–A8: SUBMITTED (or ACCEPTED) → REJECTED, with
     * ClaimRejected. {@code reason} is readable text without PHI. An already REJECTED claim stays.
     */
    @Transactional
    public Claim reject(UUID claimId, String source, String categoryCode, String statusCode, String reason,
                        String actor) {
        ClaimRepository.Stored stored = lock(claimId);
        if (stored.claim().status() == ClaimStatus.REJECTED) {
            return stored.claim();
        }
        Claim moved = move(stored, ClaimStatus.REJECTED, actor, source, categoryCode, statusCode, reason, null).claim();
        events.rejected(moved, source, categoryCode, statusCode, reason, clock.instant());
        return moved;
    }

    /** 277CA A1 (received) and the like: kept in the history, the status does not change. */
    @Transactional
    public void record(UUID claimId, String source, String categoryCode, String statusCode, String reason,
                       String actor) {
        ClaimRepository.Stored stored = lock(claimId);
        ClaimStatus status = stored.claim().status();
        history.add(new HistoryEntry(UUID.randomUUID(), claimId, status, status, actor, clock.instant(), source,
                categoryCode, statusCode, reason, null));
    }

    /** After a fix: REJECTED → DRAFT (then scrub → READY). */
    @Transactional
    public Claim resubmit(UUID claimId, String actor) {
        return move(lock(claimId), ClaimStatus.DRAFT, actor, SOURCE_USER, null, null, "resubmitted after a fix", null)
                .claim();
    }

    /** The claim of a patient control number (CLM01, the 277CA's REF*D9/TRN, the 835's CLP01), or null. */
    @Transactional
    public UUID claimIdOf(String patientControlNumber) {
        return patientControlNumber == null ? null : claims.idOfControlNumber(patientControlNumber);
    }

    /** Writes the creation's history row (no from). Package-visible: creation is DraftingClaims'. */
    void created(Claim claim, String actor, String reason) {
        history.add(new HistoryEntry(UUID.randomUUID(), claim.id(), null, claim.status(), actor, clock.instant(),
                SOURCE_USER, null, null, reason, null));
    }

    private ClaimRepository.Stored lock(UUID claimId) {
        ClaimRepository.Stored stored = claims.find(claimId, true);
        if (stored == null) {
            throw new NotFound("Claim");
        }
        return stored;
    }

    /** The one place a status changes. */
    ClaimRepository.Stored move(ClaimRepository.Stored stored, ClaimStatus to, String actor, String source,
                                String categoryCode, String statusCode, String reason, UUID batchId) {
        Claim c = stored.claim();
        if (!c.status().canMoveTo(to)) {
            throw new Conflict(ILLEGAL_TRANSITION, "A " + c.status() + " claim cannot become " + to,
                    Map.of("status", c.status().name(), "requestedStatus", to.name()));
        }
        Instant now = clock.instant();
        Claim moved = withStatus(c, to);
        if (!claims.update(moved, stored.payerId(), c.version(), now, now)) {
            throw new Conflict(Conflict.STATE, "The claim changed meanwhile; read it again");
        }
        history.add(new HistoryEntry(UUID.randomUUID(), c.id(), c.status(), to, actor, now, source, categoryCode,
                statusCode, reason, batchId));
        return new ClaimRepository.Stored(moved, stored.payerId(), now);
    }

    static Claim withStatus(Claim c, ClaimStatus status) {
        return new Claim(c.id(), c.practiceId(), c.patientId(), c.coverageId(), c.type(), status,
                c.patientControlNumber(), c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(),
                c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(), c.priorAuthorization(),
                c.diagnoses(), c.lines(), c.totalCharge(), c.frequencyCode(), c.primaryClaimId(), c.replacesClaimId(),
                c.version() + 1);
    }
}
