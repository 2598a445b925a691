package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.pricing.FeeScheduleVersion;
import dev.revcycle.claims.domain.pricing.Estimate;
import dev.revcycle.claims.domain.pricing.AdjudicatedVisit;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import dev.revcycle.claims.domain.pricing.EstimateTerms;
import dev.revcycle.claims.domain.pricing.PatientResponsibility;
import dev.revcycle.claims.domain.pricing.PlanBenefits;
import dev.revcycle.claims.domain.pricing.ProcedureKey;
import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.claims.store.EstimateRepository;
import dev.revcycle.claims.store.ReadModelRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's cost estimate for a visit: per procedure code the practice's charge (charge master) and the allowed
 * amount (the fee schedule of the coverage's payer on the date), and the patient's share from the coverage's latest
 * eligibility benefits ({@link PatientResponsibility}); self-pay patients get the cash prices. Kept, so that
 * {@link #get} can show what the payer's 835 said once the visit's claim is adjudicated.
 */
@ApplicationScoped
public class EstimatingCosts {
    public static final String ESTIMATE = "Estimate";
    public static final Reason NO_CHARGE = new Reason("no-charge-master-item",
            "The charge master has no item for a procedure code on the date of service");

    @Inject
    ReadModelRepository readModel;

    @Inject
    ContractsRepository contracts;

    @Inject
    EstimateRepository estimates;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /** An estimate with, once the visit's claim is adjudicated, what the payer said (null before). */
    public record EstimateView(Estimate estimate, PatientResponsibility.Estimated estimated,
                               AdjudicatedVisit actual) {
    }

    @Transactional
    public EstimateView estimate(Caller caller, String practiceId, EstimateTerms input) {
        caller.requirePractice(practiceId, "Practice");
        EstimateTerms terms = Violations.checked(input.normalized(), EstimateTerms::violations);
        PatientFacts patient = readModel.patient(terms.patientId());
        if (patient == null || !patient.practiceId().equals(practiceId)) {
            throw new Unprocessable(DraftingClaims.UNKNOWN_PATIENT,
                    "No such patient in this practice; a newly registered patient reaches claims within seconds");
        }
        CoverageFacts coverage = null;
        if (terms.coverageId() != null) {
            coverage = readModel.coverage(terms.coverageId());
            if (coverage == null || !coverage.practiceId().equals(practiceId)
                    || !coverage.patientId().equals(terms.patientId())) {
                throw new Unprocessable(DraftingClaims.UNKNOWN_COVERAGE,
                        "The coverage is not one of this patient's in this practice; leave it out for self-pay");
            }
        }
        List<ChargeMasterItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < terms.procedureCodes().size(); i++) {
            ChargeMasterItem item = contracts.chargeOn(practiceId, new ProcedureKey(terms.procedureCodes().get(i), null),
                    terms.serviceDate());
            if (item == null) {
                missing.add("procedureCodes[" + i + "]");
            }
            items.add(item);
        }
        if (!missing.isEmpty()) {
            throw new Unprocessable(NO_CHARGE, String.join(", ", missing) + ": the charge master has no item for the "
                    + "procedure code effective on the date of service (PUT /charge-masters/{practiceId})",
                    Map.of("fields", missing));
        }
        PatientResponsibility.Estimated estimated;
        UUID checkId = null;
        if (coverage == null) {
            estimated = PatientResponsibility.selfPay(items.stream().map(i -> new PatientResponsibility.Service(
                    i.procedureCode(), i.standardCharge(), i.cashPrice())).toList());
        } else {
            FeeScheduleVersion version = contracts.feeVersionOn(practiceId, coverage.payerId(),
                    terms.serviceDate());
            List<PatientResponsibility.Service> services = new ArrayList<>();
            for (ChargeMasterItem i : items) {
                BigDecimal allowed = version == null ? null : contracts.rate(version.id(), i.key());
                services.add(new PatientResponsibility.Service(i.procedureCode(), i.standardCharge(), allowed));
            }
            ReadModelRepository.EligibilityBenefits eligibility = readModel.benefits(terms.coverageId());
            List<String> before = new ArrayList<>();
            if (version == null) {
                before.add("The practice has no fee schedule of this payer for the date of service");
            }
            PlanBenefits benefits = PlanBenefits.UNKNOWN;
            if (eligibility == null) {
                before.add("The coverage's eligibility was never checked");
            } else {
                checkId = eligibility.checkId();
                before.add("Benefits from the eligibility check for " + eligibility.serviceDate() + " (status "
                        + eligibility.status() + ")");
                if (!"ACTIVE".equals(eligibility.status())) {
                    before.add("The latest eligibility check did not find the coverage active: the payer may pay "
                            + "nothing and the patient owe the full charge");
                }
                benefits = eligibility.benefits();
            }
            PatientResponsibility.Estimated computed = PatientResponsibility.insured(services, benefits);
            before.addAll(computed.assumptions());
            estimated = new PatientResponsibility.Estimated(computed.lines(), before);
        }
        estimated.assumptions().add("An estimate, not a guarantee of payment: the payer decides when it adjudicates the claim");
        Estimate stored = new Estimate(UUID.randomUUID(), practiceId,
                terms.patientId(), terms.coverageId(), coverage == null ? null : coverage.payerId(), checkId,
                terms.serviceDate(), estimated.lines(), List.copyOf(estimated.assumptions()), clock.instant());
        estimates.insert(stored, estimated, caller.subject());
        audit.success(caller, AuditAction.CREATE, "estimate", stored.id(), practiceId);
        return new EstimateView(stored, estimated, null);
    }

    @Transactional
    public EstimateView get(Caller caller, UUID id) {
        Estimate stored = estimates.find(id);
        if (stored == null || !caller.canSee(stored.practiceId())) {
            if (stored != null) {
                audit.denied(caller, AuditAction.READ, "estimate", id, stored.practiceId());
            }
            throw new NotFound(ESTIMATE);
        }
        AdjudicatedVisit actual = estimates.actual(stored.patientId(), stored.serviceDate(), stored.coverageId());
        audit.success(caller, AuditAction.READ, "estimate", id, stored.practiceId());
        return new EstimateView(stored, new PatientResponsibility.Estimated(stored.lines(), stored.assumptions()), actual);
    }
}
