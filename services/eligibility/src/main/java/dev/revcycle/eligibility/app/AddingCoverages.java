package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoveragePriorities;
import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.events.CoverageEvents;
import dev.revcycle.eligibility.store.CoverageRepository;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import dev.revcycle.eligibility.store.PayerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A representative enters a patient's insurance card: checked, one per priority, CoverageAdded. */
@ApplicationScoped
public class AddingCoverages {
    public static final Reason UNKNOWN_PATIENT = new Reason("unknown-patient", "The patient is not known to eligibility");
    public static final Reason PATIENT_OF_ANOTHER_PRACTICE = new Reason("patient-of-another-practice",
            "The patient belongs to another practice");
    public static final Reason PATIENT_MERGED = new Reason("patient-merged", "The patient was merged into another record");
    public static final Reason UNKNOWN_PAYER = new Reason("unknown-payer", "No such payer");

    @Inject
    CoverageRepository coverages;

    @Inject
    KnownPatientRepository patients;

    @Inject
    PayerRepository payers;

    @Inject
    CoverageEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    RecordAccess access;

    @Inject
    Clock clock;

    @Transactional
    public CoverageView add(Caller caller, String practiceId, UUID patientId, CoverageTerms input) {
        caller.requirePractice(practiceId, "Practice");
        LocalDate today = LocalDate.now(clock);
        CoverageTerms terms = Violations.checked(input.normalized(), t -> t.violations(today));
        KnownPatient patient = patientOfPractice(caller, patientId, practiceId);
        Payer payer = payers.findById(terms.payerId());
        if (payer == null) {
            throw new Unprocessable(UNKNOWN_PAYER, "Choose a payer from GET /payers");
        }
        coverages.lockPatient(patient.id());
        CoveragePriorities.requireFree(coverages.ofPatient(patient.id()), terms.priority(), null);
        Coverage coverage = Coverage.add(UUID.randomUUID(), practiceId, patient.id(), payer, terms, clock.instant());
        coverages.persist(coverage);
        events.added(coverage);
        audit.success(caller, AuditAction.CREATE, FindingCoverages.COVERAGE.auditName(), coverage.id(), practiceId);
        PriorityGuard.flush(coverages);
        return CoverageView.of(coverage);
    }

    /**
     * The patient, known from the patients service's events and of this practice. A patient of a
     * practice the caller cannot see is answered as not found (the attempt audited as DENIED), so
     * its existence does not leak.
     */
    private KnownPatient patientOfPractice(Caller caller, UUID patientId, String practiceId) {
        KnownPatient patient = patients.findById(patientId);
        if (patient == null) {
            throw new Unprocessable(UNKNOWN_PATIENT,
                    "Register the patient first; a newly registered patient reaches eligibility within seconds");
        }
        access.require(caller, AuditAction.READ, FindingCoverages.PATIENT, patientId, patient, KnownPatient::practiceId);
        if (!patient.practiceId().equals(practiceId)) {
            throw new Unprocessable(PATIENT_OF_ANOTHER_PRACTICE,
                    "A coverage belongs to the patient's own practice; use that practiceId");
        }
        if (patient.isMerged()) {
            throw new Unprocessable(PATIENT_MERGED, "Add the coverage to the surviving patient record",
                    Map.of("survivorId", patient.mergedInto()));
        }
        return patient;
    }
}
