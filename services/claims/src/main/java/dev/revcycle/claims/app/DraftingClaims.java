package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import dev.revcycle.claims.domain.pricing.ProcedureKey;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.claims.store.ProviderRepository;
import dev.revcycle.claims.store.ReadModelRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.StaleVersion;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A billing representative keys a visit's charges as a DRAFT claim (ClaimCreated) and corrects it
 * while it is a DRAFT (ClaimChanged with all of its lines). Structure only: the scrubber judges the
 * codes and the rules.
 */
@ApplicationScoped
public class DraftingClaims {
    public static final Reason UNKNOWN_PATIENT = new Reason("unknown-patient", "The patient is not known to claims");
    public static final Reason PATIENT_MERGED = new Reason("patient-merged", "The patient was merged into another record");
    public static final Reason UNKNOWN_COVERAGE = new Reason("unknown-coverage",
            "The coverage is not known to claims or is not the patient's");
    public static final Reason UNKNOWN_PROVIDER = new Reason("unknown-provider", "The provider is not one of the practice's");
    public static final Reason NO_CHARGE = new Reason("no-charge-master-item",
            "A line has no charge and the charge master has none for its procedure code on its date of service");
    public static final Reason NOT_EDITABLE = new Reason("claim-not-editable", "Only a DRAFT claim can be changed");

    @Inject
    ClaimRepository claims;

    @Inject
    ProviderRepository providers;

    @Inject
    ReadModelRepository readModel;

    @Inject
    ContractsRepository contracts;

    @Inject
    ClaimTransitions transitions;

    @Inject
    FindingClaims finding;

    @Inject
    ClaimEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    @Transactional
    public ClaimView create(Caller caller, String practiceId, ClaimDraft input) {
        caller.requirePractice(practiceId, "Practice");
        ClaimDraft draft = priced(practiceId, Violations.checked(input.normalized(), ClaimDraft::violations));
        CoverageFacts coverage = references(practiceId, draft);
        List<ClaimLine> lines = draft.toLines(null);
        Claim claim = new Claim(UUID.randomUUID(), practiceId, draft.patientId(), draft.coverageId(), draft.type(),
                ClaimStatus.DRAFT, claims.nextPatientControlNumber(), draft.billingProviderId(),
                draft.renderingProviderId(), draft.referringProviderId(), draft.placeOfService(), draft.typeOfBill(),
                draft.admissionDate(), draft.dischargeDate(), draft.priorAuthorization(), draft.diagnoses(), lines,
                total(lines), "1", null, null, 1);
        UUID payerId = coverage == null ? null : coverage.payerId();
        Instant now = clock.instant();
        claims.insert(claim, payerId, now);
        transitions.created(claim, caller.subject(), "created");
        events.created(claim, payerId);
        audit.success(caller, AuditAction.CREATE, FindingClaims.CLAIM.auditName(), claim.id(), practiceId);
        return new ClaimView(claim, payerId, now);
    }

    /**
     * @param expectedVersion the version the client read (If-Match), or null for whatever is current
     * @param change          the new draft from the current one (a merge patch, applied by the API)
     */
    @Transactional
    public ClaimView change(Caller caller, UUID id, Long expectedVersion, UnaryOperator<ClaimDraft> change) {
        ClaimRepository.Stored stored = finding.visible(caller, id, AuditAction.UPDATE, true);
        Claim current = stored.claim();
        StaleVersion.require(expectedVersion, current.version(), "claim");
        if (!current.status().editable()) {
            throw new Conflict(NOT_EDITABLE, "The claim is " + current.status()
                    + "; a REJECTED claim is resubmitted first (POST /claims/{id}/resubmit)",
                    Map.of("status", current.status().name()));
        }
        ClaimDraft draft = priced(current.practiceId(),
                Violations.checked(change.apply(draftOf(current)).normalized(), ClaimDraft::violations));
        if (!draft.patientId().equals(current.patientId())) {
            throw Violations.of("patientId", "cannot be changed");
        }
        CoverageFacts coverage = references(current.practiceId(), draft);
        List<ClaimLine> lines = draft.toLines(current.lines().stream().map(ClaimLine::lineId).toList());
        Claim changed = new Claim(current.id(), current.practiceId(), current.patientId(), draft.coverageId(),
                draft.type(), current.status(), current.patientControlNumber(), draft.billingProviderId(),
                draft.renderingProviderId(), draft.referringProviderId(), draft.placeOfService(), draft.typeOfBill(),
                draft.admissionDate(), draft.dischargeDate(), draft.priorAuthorization(), draft.diagnoses(), lines,
                total(lines), current.frequencyCode(), current.primaryClaimId(), current.replacesClaimId(),
                current.version());
        if (sameContent(changed, current)) {
            audit.success(caller, AuditAction.UPDATE, FindingClaims.CLAIM.auditName(), id, current.practiceId());
            return new ClaimView(current, stored.payerId(), stored.statusChangedAt());
        }
        changed = withVersion(changed, current.version() + 1);
        UUID payerId = coverage == null ? null : coverage.payerId();
        if (!claims.update(changed, payerId, current.version(), stored.statusChangedAt(), clock.instant())) {
            throw new Conflict(Conflict.STATE, "The claim changed meanwhile; read it again");
        }
        events.changed(changed, payerId);
        audit.success(caller, AuditAction.UPDATE, FindingClaims.CLAIM.auditName(), id, current.practiceId());
        return new ClaimView(changed, payerId, stored.statusChangedAt());
    }

    /** REJECTED → DRAFT for the API (practice-scoped). */
    @Transactional
    public ClaimView resubmit(Caller caller, UUID id) {
        ClaimRepository.Stored stored = finding.visible(caller, id, AuditAction.UPDATE, true);
        Claim moved = transitions.resubmit(id, caller.subject());
        audit.success(caller, AuditAction.UPDATE, FindingClaims.CLAIM.auditName(), id, moved.practiceId());
        return new ClaimView(moved, stored.payerId(), clock.instant());
    }

    public static ClaimDraft draftOf(Claim c) {
        return new ClaimDraft(c.patientId(), c.coverageId(), c.type(), c.billingProviderId(), c.renderingProviderId(),
                c.referringProviderId(), c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(),
                c.priorAuthorization(), c.diagnoses(), c.lines().stream().map(l -> new ClaimDraft.LineDraft(
                        l.procedureCode(), l.modifiers(), l.units(), l.chargeAmount(), l.serviceDate(),
                        l.diagnosisPointers(), l.revenueCode(), l.ndc())).toList());
    }

    /** The patient, coverage and providers must be the practice's; a 422 names what is not. */
    CoverageFacts references(String practiceId, ClaimDraft draft) {
        PatientFacts patient = readModel.patient(draft.patientId());
        if (patient == null || !patient.practiceId().equals(practiceId)) {
            throw new Unprocessable(UNKNOWN_PATIENT,
                    "No such patient in this practice; a newly registered patient reaches claims within seconds");
        }
        if (patient.mergedInto() != null) {
            throw new Unprocessable(PATIENT_MERGED, "Bill the surviving patient record",
                    Map.of("survivorId", patient.mergedInto()));
        }
        CoverageFacts coverage = null;
        if (draft.coverageId() != null) {
            coverage = readModel.coverage(draft.coverageId());
            if (coverage == null || !coverage.practiceId().equals(practiceId)
                    || !coverage.patientId().equals(draft.patientId())) {
                throw new Unprocessable(UNKNOWN_COVERAGE,
                        "The coverage is not one of this patient's in this practice; leave it out for self-pay");
            }
        }
        Set<UUID> ids = new HashSet<>();
        ids.add(draft.billingProviderId());
        if (draft.renderingProviderId() != null) {
            ids.add(draft.renderingProviderId());
        }
        if (draft.referringProviderId() != null) {
            ids.add(draft.referringProviderId());
        }
        Set<UUID> ours = new HashSet<>();
        for (Provider p : providers.findAll(ids)) {
            if (p.practiceId().equals(practiceId)) {
                ours.add(p.id());
            }
        }
        List<String> unknown = new ArrayList<>();
        if (!ours.contains(draft.billingProviderId())) {
            unknown.add("billingProviderId");
        }
        if (draft.renderingProviderId() != null && !ours.contains(draft.renderingProviderId())) {
            unknown.add("renderingProviderId");
        }
        if (draft.referringProviderId() != null && !ours.contains(draft.referringProviderId())) {
            unknown.add("referringProviderId");
        }
        if (!unknown.isEmpty()) {
            throw new Unprocessable(UNKNOWN_PROVIDER, String.join(", ", unknown)
                    + ": not a provider of this practice (register it with POST /providers)", Map.of("fields", unknown));
        }
        return coverage;
    }

    /**
     * A line keyed without a charge takes the standard charge of the practice's charge-master item for its procedure
     * code and first modifier (else the code's item without a modifier) effective on its date of service; a line
     * with neither is a 422 naming each such line's chargeAmount.
     */
    private ClaimDraft priced(String practiceId, ClaimDraft draft) {
        if (draft.lines().stream().allMatch(l -> l.chargeAmount() != null)) {
            return draft;
        }
        List<ClaimDraft.LineDraft> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            ClaimDraft.LineDraft l = draft.lines().get(i);
            if (l.chargeAmount() != null) {
                lines.add(l);
                continue;
            }
            ChargeMasterItem item = contracts.chargeOn(practiceId, new ProcedureKey(l.procedureCode(),
                    l.modifiers().isEmpty() ? null : l.modifiers().get(0)), l.serviceDate());
            if (item == null) {
                missing.add("lines[" + i + "].chargeAmount");
                lines.add(l);
            } else {
                lines.add(new ClaimDraft.LineDraft(l.procedureCode(), l.modifiers(), l.units(),
                        item.standardCharge().multiply(l.units()).setScale(2, java.math.RoundingMode.HALF_UP),
                        l.serviceDate(), l.diagnosisPointers(), l.revenueCode(), l.ndc()));
            }
        }
        if (!missing.isEmpty()) {
            throw new Unprocessable(NO_CHARGE, String.join(", ", missing) + ": no charge was keyed and the charge master "
                    + "has no item for the procedure code effective on the date of service; key the charge or add the "
                    + "item (PUT /charge-masters/{practiceId})", Map.of("fields", missing));
        }
        return draft.withLines(lines);
    }

    private static BigDecimal total(List<ClaimLine> lines) {
        return lines.stream().map(ClaimLine::chargeAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static boolean sameContent(Claim a, Claim b) {
        return withVersion(a, 0).equals(withVersion(b, 0));
    }

    private static Claim withVersion(Claim c, long version) {
        return new Claim(c.id(), c.practiceId(), c.patientId(), c.coverageId(), c.type(), c.status(),
                c.patientControlNumber(), c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(),
                c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(), c.priorAuthorization(),
                c.diagnoses(), c.lines(), c.totalCharge(), c.frequencyCode(), c.primaryClaimId(), c.replacesClaimId(),
                version);
    }

}
