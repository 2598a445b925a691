package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemType;
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
    public static final ProblemType UNKNOWN_PATIENT = ProblemType.of("unknown-patient",
            "The patient is not known to eligibility", 422);
    public static final ProblemType PATIENT_OF_ANOTHER_PRACTICE = ProblemType.of("patient-of-another-practice",
            "The patient belongs to another practice", 422);
    public static final ProblemType PATIENT_MERGED = ProblemType.of("patient-merged",
            "The patient was merged into another record", 422);
    public static final ProblemType UNKNOWN_PAYER = ProblemType.of("unknown-payer", "No such payer", 422);

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
    Clock clock;

    @Transactional
    public CoverageView add(Caller caller, String practiceId, UUID patientId, CoverageTerms input) {
        caller.requirePractice(practiceId, "Practice");
        CoverageTerms terms = CoverageRules.checked(input, LocalDate.now(clock));
        KnownPatient patient = patientOfPractice(caller, patientId, practiceId);
        Payer payer = payers.findById(terms.payerId());
        if (payer == null) {
            throw new ProblemException(UNKNOWN_PAYER, "Choose a payer from GET /payers");
        }
        coverages.lockPatient(patient.id());
        CoveragePriorities.requireFree(coverages.ofPatient(patient.id()), terms.priority(), null);
        Coverage coverage = Coverage.add(UUID.randomUUID(), practiceId, patient.id(), payer, terms, clock.instant());
        coverages.persist(coverage);
        events.added(coverage);
        audit.success(caller, AuditAction.CREATE, FindingCoverages.RESOURCE, coverage.id(), practiceId);
        coverages.flush();
        return CoverageView.of(coverage);
    }

    /**
     * The patient, known from the patients service's events and of this practice. A patient of a
     * practice the caller cannot see is answered as not found, so its existence does not leak.
     */
    private KnownPatient patientOfPractice(Caller caller, UUID patientId, String practiceId) {
        KnownPatient patient = patients.findById(patientId);
        if (patient == null) {
            throw new ProblemException(UNKNOWN_PATIENT,
                    "Register the patient first; a newly registered patient reaches eligibility within seconds");
        }
        if (!patient.practiceId().equals(practiceId)) {
            if (!caller.canSee(patient.practiceId())) {
                throw ProblemException.notFound("Patient");
            }
            throw new ProblemException(PATIENT_OF_ANOTHER_PRACTICE,
                    "A coverage belongs to the patient's own practice; use that practiceId");
        }
        if (patient.isMerged()) {
            throw ProblemException.conflict(PATIENT_MERGED, "Add the coverage to the surviving patient record",
                    Map.of("survivorId", patient.mergedInto()));
        }
        return patient;
    }
}
