package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.domain.DomainException;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.eligibility.domain.ServiceTypes;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.store.CoverageRepository;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Tomorrow's appointment list: every active coverage of every patient on it, checked for the
 * service date. One patient's trouble never stops the others.
 */
@ApplicationScoped
public class BatchChecking {
    public static final int MAX_PATIENTS = 200;
    public static final String UNKNOWN_PATIENT = "unknown patient";
    public static final String MERGED_PATIENT = "patient was merged into another record";
    public static final String NO_ACTIVE_COVERAGE = "no active coverage";

    @Inject
    CheckingEligibility checking;

    @Inject
    CoverageRepository coverages;

    @Inject
    KnownPatientRepository patients;

    @Inject
    RecordAccess access;

    /** One patient's outcome: the checks of its coverages, or why there are none. */
    public record PatientChecks(UUID patientId, List<CheckingEligibility.Checked> checks, String error) {
    }

    public List<PatientChecks> check(Caller caller, LocalDate serviceDate, List<UUID> patientIds, List<String> serviceTypeCodes,
                                     boolean refresh) {
        List<FieldError> errors = new ArrayList<>();
        if (serviceDate == null) {
            errors.add(new FieldError("serviceDate", "is required"));
        }
        if (patientIds == null || patientIds.isEmpty()) {
            errors.add(new FieldError("patientIds", "must list at least one patient"));
        } else if (patientIds.size() > MAX_PATIENTS) {
            errors.add(new FieldError("patientIds", "must list at most " + MAX_PATIENTS + " patients"));
        } else if (patientIds.contains(null)) {
            errors.add(new FieldError("patientIds", "must not hold null"));
        }
        List<String> codes = ServiceTypes.normalized(serviceTypeCodes);
        errors.addAll(ServiceTypes.violations("serviceTypeCodes", codes));
        Violations.check(errors);
        List<PatientChecks> results = new ArrayList<>();
        for (UUID patientId : new LinkedHashSet<>(patientIds)) {
            List<UUID> coverageIds;
            try {
                coverageIds = coveragesToCheck(caller, patientId, serviceDate);
            } catch (BatchRefusal refusal) {
                results.add(new PatientChecks(patientId, List.of(), refusal.getMessage()));
                continue;
            }
            List<CheckingEligibility.Checked> checks = new ArrayList<>();
            String error = null;
            for (UUID coverageId : coverageIds) {
                try {
                    checks.add(checking.check(caller, coverageId, serviceDate, codes, refresh));
                } catch (DomainException e) {
                    // changed since it was listed (terminated a moment ago): say so, go on
                    error = "a coverage could not be checked: " + e.getMessage();
                }
            }
            results.add(new PatientChecks(patientId, checks, error));
        }
        return results;
    }

    /**
     * The patient's active coverages covering the date, primary first; a patient the caller cannot
     * see is unknown, and the attempt is audited as DENIED.
     */
    @Transactional
    List<UUID> coveragesToCheck(Caller caller, UUID patientId, LocalDate serviceDate) {
        KnownPatient patient = patients.findById(patientId);
        if (!access.visible(caller, AuditAction.READ, FindingCoverages.PATIENT, patientId, patient, KnownPatient::practiceId)) {
            throw new BatchRefusal(UNKNOWN_PATIENT);
        }
        if (patient.isMerged()) {
            throw new BatchRefusal(MERGED_PATIENT);
        }
        List<UUID> ids = coverages.ofPatient(patientId).stream()
                .filter(c -> c.covers(serviceDate) && c.practiceId().equals(patient.practiceId()))
                .map(Coverage::id).toList();
        if (ids.isEmpty()) {
            throw new BatchRefusal(NO_ACTIVE_COVERAGE);
        }
        return ids;
    }

    static class BatchRefusal extends RuntimeException {
        BatchRefusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
