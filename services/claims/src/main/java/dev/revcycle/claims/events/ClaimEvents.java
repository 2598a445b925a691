package dev.revcycle.claims.events;

import dev.revcycle.claims.app.AdjudicatingClaims;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.adjudication.DenialActions;
import dev.revcycle.claims.domain.adjudication.ReasonCodes;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.claims.store.AdjudicationRepository;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.AdjudicatedLine;
import dev.revcycle.contracts.claims.AdjudicationAdjustment;
import dev.revcycle.contracts.claims.ClaimAccepted;
import dev.revcycle.contracts.claims.ClaimAdjudicated;
import dev.revcycle.contracts.claims.ClaimDenied;
import dev.revcycle.contracts.claims.DenialReason;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.claims.ClaimRejected;
import dev.revcycle.contracts.claims.ClaimReplaced;
import dev.revcycle.contracts.claims.ClaimSubmitted;
import dev.revcycle.contracts.claims.ClaimVoided;
import dev.revcycle.contracts.claims.ProviderChanged;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.contracts.claims.ProviderRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The contract events of {@code revcycle.claims.events.v1}, written to the outbox in the caller's
 * transaction. Claim events are keyed by claim id, provider events by provider id; each carries
 * the aggregate's version after the change (its ETag).
 */
@ApplicationScoped
public class ClaimEvents {
    @Inject
    Outbox outbox;

    public void created(Claim c, UUID payerId) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_CREATED, c.id().toString(),
                new ClaimCreated(c.id(), c.practiceId(), c.patientId(), c.coverageId(), payerId, c.type().name(),
                        c.patientControlNumber(), c.totalCharge(), charges(c.lines()), c.primaryClaimId(),
                        c.replacesClaimId(), c.version()));
    }

    public void changed(Claim c, UUID payerId) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_CHANGED, c.id().toString(),
                new ClaimChanged(c.id(), c.practiceId(), c.patientId(), c.coverageId(), payerId,
                        c.patientControlNumber(), c.totalCharge(), charges(c.lines()), c.primaryClaimId(),
                        c.replacesClaimId(), c.version()));
    }

    public void submitted(Claim c, UUID batchId, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_SUBMITTED, c.id().toString(),
                new ClaimSubmitted(c.id(), c.practiceId(), c.patientId(), batchId, c.patientControlNumber(), at,
                        c.version()));
    }

    public void accepted(Claim c, String payerClaimControlNumber, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_ACCEPTED, c.id().toString(),
                new ClaimAccepted(c.id(), c.practiceId(), c.patientId(), c.patientControlNumber(),
                        payerClaimControlNumber, at, c.version()));
    }

    public void rejected(Claim c, String source, String categoryCode, String statusCode, String reason, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_REJECTED, c.id().toString(),
                new ClaimRejected(c.id(), c.practiceId(), c.patientId(), c.patientControlNumber(), source,
                        categoryCode, statusCode, reason, at, c.version()));
    }

    /** {@code voided} is the claim the payer's acceptance of {@code voidClaim} (frequency 8) ended. */
    public void voided(Claim voided, String payerClaimControlNumber, Claim voidClaim, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_VOIDED, voided.id().toString(),
                new ClaimVoided(voided.id(), voided.practiceId(), voided.patientId(), voided.patientControlNumber(),
                        payerClaimControlNumber, voidClaim.id(), voidClaim.patientControlNumber(), at, voided.version()));
    }

    /** {@code replaced} is the claim the payer's acceptance of {@code correction} (frequency 7) replaced. */
    public void replaced(Claim replaced, String payerClaimControlNumber, Claim correction, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_REPLACED, replaced.id().toString(),
                new ClaimReplaced(replaced.id(), replaced.practiceId(), replaced.patientId(),
                        replaced.patientControlNumber(), payerClaimControlNumber, correction.id(),
                        correction.patientControlNumber(), correction.totalCharge(), charges(correction.lines()), at,
                        replaced.version()));
    }

    /** ClaimAdjudicated: one payer answer that moved (or reopened) the claim, with its lines' summary. */
    public void adjudicated(AdjudicatingClaims.Adjudicated a, String patientControlNumber,
                            List<dev.revcycle.claims.domain.adjudication.Adjudications.NewLine> lines, BigDecimal allowed,
                            String payerClaimControlNumber, Instant at) {
        RemittanceAdvice advice = a.remittance().advice();
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_ADJUDICATED, a.claimId().toString(),
                new ClaimAdjudicated(a.claimId(), a.remittance().practiceId(), a.patientId(), patientControlNumber,
                        a.adjudicationId(), a.remittance().remittanceId(), advice.claimStatusCode(),
                        a.decision().outcome().name(), a.from().name(), a.to().name(), payerClaimControlNumber,
                        advice.paidDate(), scaled(advice.charge()), scaled(advice.paid()), allowed,
                        scaled(advice.patientResponsibility()), adjustments(advice.claimAdjustments()),
                        lines.stream().map(l -> new AdjudicatedLine(l.lineNumber(), l.claimLineId(), l.procedureCode(),
                                l.charge(), l.allowed(), l.paid(), l.patientResponsibility(),
                                l.adjustments().stream().map(x -> new AdjudicationAdjustment(x.groupCode(),
                                        x.reasonCode(), x.remarkCode(), x.amount())).toList())).toList(),
                        at, a.version()));
    }

    /** ClaimDenied, beside the ClaimAdjudicated of a DENIED claim: the reasons largest first, the next action. */
    public void denied(AdjudicatingClaims.Adjudicated a, dev.revcycle.claims.domain.adjudication.Adjudications.Denial d, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_DENIED, a.claimId().toString(),
                new ClaimDenied(a.claimId(), d.practiceId(), a.patientId(), d.patientControlNumber(), d.adjudicationId(),
                        d.payerClaimControlNumber(), d.deniedAmount(), d.deniedOn(),
                        d.reasons().stream().map(ClaimEvents::reason).toList(), d.suggestedAction(), at, a.version()));
    }

    static DenialReason reason(dev.revcycle.claims.domain.adjudication.Adjudications.StoredReason r) {
        RemittanceAdvice.Adjustment adjustment = new RemittanceAdvice.Adjustment(r.groupCode(), r.reasonCode(),
                r.remarkCode(), r.amount());
        DenialActions.Rule rule = DenialActions.ruleFor(adjustment);
        return new DenialReason(r.groupCode(), r.reasonCode(), r.remarkCode(), r.amount(), r.lineNumber(), rule.id(),
                rule.action().name(), ReasonCodes.describe(adjustment));
    }

    private static List<AdjudicationAdjustment> adjustments(List<RemittanceAdvice.Adjustment> all) {
        return all.stream().map(x -> new AdjudicationAdjustment(x.groupCode(), x.reasonCode(), x.remarkCode(),
                scaled(x.amount()))).toList();
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public void appealed(dev.revcycle.claims.domain.appeal.Appeal a, UUID patientId, String patientControlNumber) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_APPEALED, a.id().toString(),
                new dev.revcycle.contracts.claims.ClaimAppealed(a.id(), a.claimId(), a.practiceId(), patientId,
                        a.payerId(), patientControlNumber, a.claimStatus().name(), a.disputed(), a.deadline(),
                        a.filedAt(), a.version()));
    }

    public void providerRegistered(Provider p) {
        outbox.publish(Topics.CLAIMS, EventTypes.PROVIDER_REGISTERED, p.id().toString(),
                new ProviderRegistered(details(p), p.version()));
    }

    public void providerChanged(Provider p) {
        outbox.publish(Topics.CLAIMS, EventTypes.PROVIDER_CHANGED, p.id().toString(),
                new ProviderChanged(details(p), p.version()));
    }

    private static ProviderDetails details(Provider p) {
        return new ProviderDetails(p.id(), p.practiceId(), p.npi(), p.name(), p.entityType().name(), p.taxonomyCode(),
                p.defaultBilling());
    }

    static List<ClaimLineCharge> charges(List<ClaimLine> lines) {
        return lines.stream().map(l -> new ClaimLineCharge(l.lineId(), l.lineNumber(), l.procedureCode(), l.modifiers(),
                l.units(), l.chargeAmount(), l.serviceDate(), l.revenueCode())).toList();
    }
}
