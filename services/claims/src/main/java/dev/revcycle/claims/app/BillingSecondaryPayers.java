package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PriorPayer;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.claims.store.CoordinationRepository;
import dev.revcycle.claims.store.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Coordination of benefits: when a payer has adjudicated a claim (PAID, PARTIALLY_PAID or DENIED) and the patient has
 * an active coverage of the next priority (SECONDARY after PRIMARY, TERTIARY after SECONDARY) in the practice, and the
 * payer left something (the charge less what it paid and its non-patient adjustments), a secondary (or tertiary)
 * claim is created: a DRAFT copy of the claim's services for that coverage, {@code primary_claim_id} = the adjudicated
 * claim, with a new patient control number; its 837 carries the earlier payers' answers (2320/2330/2430, read from
 * their adjudications when it is written). It publishes ClaimCreated (payments posts no charge for it) and is scrubbed
 * and submitted like any claim.
 *
 * <p>Called by {@link AdjudicatingClaims} after it writes a batch, in its transaction, so the adjudication and the
 * secondary claim commit together. Once per claim and coverage (the unique index {@code claim_one_secondary_per_coverage}
 * and a lookup under the adjudicated claim's row lock): a redelivered remittance or a second adjudication of the
 * same claim creates nothing more. A void (frequency 8) has no follow-up.
 */
@ApplicationScoped
public class BillingSecondaryPayers implements AdjudicatingClaims.FollowUp {
    public static final String ACTOR = "system:coordination-of-benefits";

    @Inject
    ClaimRepository claims;

    @Inject
    CoordinationRepository coordination;

    @Inject
    ReadModelRepository readModel;

    @Inject
    ClaimTransitions transitions;

    @Inject
    ClaimEvents events;

    @Inject
    Clock clock;

    /**
     * The batch's adjudicated insured claims whose patient has another coverage in the practice (one statement for the
     * batch) each get {@link #billNextPayer}; the others cannot have a next payer.
     */
    @Override
    public void adjudicated(List<AdjudicatingClaims.Adjudicated> adjudicated) {
        List<AdjudicatingClaims.Adjudicated> insured = adjudicated.stream()
                .filter(a -> a.to() != null && a.to().adjudicated() && a.coverageId() != null && a.patientId() != null)
                .toList();
        java.util.Set<UUID> others = coordination.withOtherCoverage(
                insured.stream().map(AdjudicatingClaims.Adjudicated::patientId).toList(),
                insured.stream().map(a -> a.remittance().practiceId()).toList(),
                insured.stream().map(AdjudicatingClaims.Adjudicated::coverageId).toList());
        for (AdjudicatingClaims.Adjudicated a : insured) {
            if (others.contains(a.coverageId())) {
                billNextPayer(a.claimId());
            }
        }
    }

    /** The next payer's claim made after the claim's latest adjudication, if one is due and was not made before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> billNextPayer(UUID claimId) {
        ClaimRepository.Stored stored = claims.find(claimId, false);
        if (stored == null || stored.claim().selfPay() || "8".equals(stored.claim().frequencyCode())
                || !stored.claim().status().adjudicated()) {
            return Optional.empty();
        }
        Claim claim = stored.claim();
        CoverageFacts current = readModel.coverage(claim.coverageId());
        CoordinationRepository.Adjudication answer = coordination.latestAdjudications(List.of(claimId)).get(claimId);
        if (current == null || answer == null) {
            return Optional.empty();
        }
        PriorPayer prior = new PriorPayer(current, answer.payerClaimControlNumber(), answer.paidDate(), answer.paid(),
                answer.patientResponsibility(), answer.claimAdjustments(), answer.lines());
        if (prior.leftAfter(claim.totalCharge()).signum() <= 0) {
            return Optional.empty();
        }
        CoverageFacts next = nextCoverage(claim, current);
        if (next == null || coordination.secondaryFor(claimId, next.coverageId()) != null) {
            return Optional.empty();
        }
        List<ClaimLine> lines = DraftingClaims.draftOf(claim).toLines(null);
        Claim secondary = new Claim(UUID.randomUUID(), claim.practiceId(), claim.patientId(), next.coverageId(),
                claim.type(), ClaimStatus.DRAFT, claims.nextPatientControlNumber(), claim.billingProviderId(),
                claim.renderingProviderId(), claim.referringProviderId(), claim.placeOfService(), claim.typeOfBill(),
                claim.admissionDate(), claim.dischargeDate(), claim.priorAuthorization(), claim.diagnoses(), lines,
                lines.stream().map(ClaimLine::chargeAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                "1", claimId, null, 1);
        Instant now = clock.instant();
        claims.insert(secondary, next.payerId(), now);
        transitions.created(secondary, ACTOR, next.priority().toLowerCase(java.util.Locale.ROOT)
                + " claim after the adjudication of claim " + claim.patientControlNumber());
        events.created(secondary, next.payerId());
        return Optional.of(secondary);
    }

    /**
     * The patient's coverage in the practice that pays after {@code current}: the lowest priority rank above the
     * current one among those not terminated and in effect on the first date of service.
     */
    CoverageFacts nextCoverage(Claim claim, CoverageFacts current) {
        LocalDate serviceDate = claim.firstServiceDate();
        int after = rank(current.priority());
        return readModel.coverages(coordination.coveragesOf(claim.patientId(), claim.practiceId())).values().stream()
                .filter(c -> !c.coverageId().equals(current.coverageId()))
                .filter(c -> !c.terminated() && c.activeOn(serviceDate))
                .filter(c -> rank(c.priority()) > after && rank(c.priority()) < 99)
                .min(Comparator.comparingInt((CoverageFacts c) -> rank(c.priority())).thenComparing(CoverageFacts::effectiveDate))
                .orElse(null);
    }

    static int rank(String priority) {
        return switch (priority == null ? "" : priority) {
            case "PRIMARY" -> 1;
            case "SECONDARY" -> 2;
            case "TERTIARY" -> 3;
            default -> 99;
        };
    }
}
