package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.claims.store.CoordinationRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.domain.Conflict;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Corrections and voids of a claim the payer has (ACCEPTED) or has decided on (PAID, PARTIALLY_PAID, DENIED):
 * each is a new claim that names the original by the payer's claim control number (REF*F8) and replaces it
 * ({@code replaces_claim_id}), sent like any claim.
 *
 * <ul>
 *   <li>A <b>correction</b> (CLM05-3 7) starts as a copy of the original with the request's changes, a DRAFT with a
 *   new patient control number, scrubbed and submitted like any claim. The original stays as it is (its history says
 *   by which claim it was corrected): the payer's answer to the correction is the one that counts.</li>
 *   <li>A <b>void</b> (CLM05-3 8) is a copy of the original, READY at once (nothing of it is the biller's to change, so
 *   there is nothing to scrub), sent in the next batch. When the payer accepts it (277CA A2) both the original and the
 *   void claim become VOIDED and ClaimVoided is published for the original (payments reverses its charges); a
 *   rejected void leaves the original as it was.</li>
 * </ul>
 * Both publish ClaimCreated (payments posts no charge for a claim made from another).
 */
@ApplicationScoped
public class CorrectingClaims {
    public static final Reason NOT_CORRECTABLE = new Reason("claim-not-correctable",
            "Only an ACCEPTED or adjudicated (PAID, PARTIALLY_PAID, DENIED) claim can be corrected or voided");
    public static final Reason PAYER_NUMBER_UNKNOWN = new Reason("payer-claim-number-unknown",
            "The payer's claim control number of this claim is not known; a correction or a void must name it (REF*F8)");
    public static final Reason ALREADY_CORRECTED = new Reason("already-corrected", "The claim has a correction already");
    public static final Reason ALREADY_VOIDED = new Reason("already-voided", "The claim has a void already");

    static final String CORRECTION = "7";
    static final String VOID = "8";

    @Inject
    ClaimRepository claims;

    @Inject
    CoordinationRepository coordination;

    @Inject
    FindingClaims finding;

    @Inject
    DraftingClaims drafting;

    @Inject
    ClaimTransitions transitions;

    @Inject
    ClaimEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /**
     * A correction of the claim: a DRAFT copy with {@code change} applied (a merge patch of the original's fields).
     *
     * @throws dev.revcycle.common.domain.NotFound no such claim in the caller's practices
     * @throws Unprocessable                       not ACCEPTED or adjudicated, or no payer claim control number
     * @throws Conflict                            a correction or a void of it exists already
     */
    @Transactional
    public ClaimView correct(Caller caller, UUID id, UnaryOperator<ClaimDraft> change) {
        Original original = original(caller, id);
        ClaimDraft draft = Violations.checked(change.apply(DraftingClaims.draftOf(original.claim())).normalized(),
                ClaimDraft::violations);
        if (!draft.patientId().equals(original.claim().patientId())) {
            throw Violations.of("patientId", "cannot be changed");
        }
        CoverageFacts coverage = drafting.references(original.claim().practiceId(), draft);
        return replace(caller, original.claim(), draft, coverage, CORRECTION, ClaimStatus.DRAFT);
    }

    /**
     * A void of the claim: a READY copy with frequency code 8, sent in the next submission batch.
     *
     * @throws Conflict     a void of it exists already (waiting for the payer, or done), or a correction does
     * @throws Unprocessable not ACCEPTED or adjudicated, or no payer claim control number
     */
    @Transactional
    public ClaimView voidClaim(Caller caller, UUID id) {
        Original original = original(caller, id);
        Claim c = original.claim();
        CoverageFacts coverage = drafting.references(c.practiceId(), DraftingClaims.draftOf(c));
        return replace(caller, c, DraftingClaims.draftOf(c), coverage, VOID, ClaimStatus.READY);
    }

    private record Original(Claim claim, String payerClaimControlNumber) {
    }

    /** The claim to correct or void, locked, with the checks both share. */
    private Original original(Caller caller, UUID id) {
        ClaimRepository.Stored stored = finding.visible(caller, id, AuditAction.UPDATE, true);
        Claim claim = stored.claim();
        for (CoordinationRepository.Replacement r : coordination.replacements(id)) {
            if (VOID.equals(r.frequencyCode())) {
                throw new Conflict(ALREADY_VOIDED, "A void of this claim was made already (claim " + r.claimId()
                        + ", " + r.status() + ")", Map.of("voidClaimId", r.claimId()));
            }
            if (CORRECTION.equals(r.frequencyCode()) && !ClaimStatus.VOIDED.name().equals(r.status())) {
                throw new Conflict(ALREADY_CORRECTED, "Claim " + r.claimId() + " (" + r.status()
                        + ") corrects this claim: correct or void that claim instead", Map.of("correctionClaimId", r.claimId()));
            }
        }
        if (!(claim.status() == ClaimStatus.ACCEPTED || claim.status().adjudicated())) {
            throw new Unprocessable(NOT_CORRECTABLE, "The claim is " + claim.status()
                    + "; a claim the payer has not accepted is fixed as it is (PATCH a DRAFT, resubmit a REJECTED claim)",
                    Map.of("status", claim.status().name()));
        }
        String number = coordination.links(List.of(id)).get(id).payerClaimControlNumber();
        if (number == null || number.isBlank()) {
            throw new Unprocessable(PAYER_NUMBER_UNKNOWN, "Neither the 277CA nor an 835 gave the payer's number for this "
                    + "claim; ask the payer for it (a claim status inquiry) before correcting or voiding it");
        }
        return new Original(claim, number);
    }

    private ClaimView replace(Caller caller, Claim original, ClaimDraft draft, CoverageFacts coverage, String frequency,
                              ClaimStatus status) {
        List<ClaimLine> lines = draft.toLines(null);
        BigDecimal total = lines.stream().map(ClaimLine::chargeAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Claim claim = new Claim(UUID.randomUUID(), original.practiceId(), original.patientId(), draft.coverageId(),
                draft.type(), status, claims.nextPatientControlNumber(), draft.billingProviderId(),
                draft.renderingProviderId(), draft.referringProviderId(), draft.placeOfService(), draft.typeOfBill(),
                draft.admissionDate(), draft.dischargeDate(), draft.priorAuthorization(), draft.diagnoses(), lines, total,
                frequency, original.primaryClaimId(), original.id(), 1);
        UUID payerId = coverage == null ? null : coverage.payerId();
        Instant now = clock.instant();
        claims.insert(claim, payerId, now);
        String what = VOID.equals(frequency) ? "void" : "correction";
        transitions.created(claim, caller.subject(), what + " of claim " + original.patientControlNumber());
        transitions.record(original.id(), ClaimTransitions.SOURCE_USER, null, null,
                (VOID.equals(frequency) ? "void requested: claim " : "corrected by claim ") + claim.patientControlNumber(),
                caller.subject());
        events.created(claim, payerId);
        audit.success(caller, AuditAction.CREATE, FindingClaims.CLAIM.auditName(), claim.id(), claim.practiceId());
        return new ClaimView(claim, payerId, now);
    }
}
