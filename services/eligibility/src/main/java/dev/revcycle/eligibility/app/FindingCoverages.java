package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageStatus;
import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.store.CoverageRepository;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reading coverages: member ids and subscribers are PHI, so every record handed out is audited. */
@ApplicationScoped
public class FindingCoverages {
    static final RecordType COVERAGE = new RecordType("coverage", "Coverage");
    /** This service's copy of a patient, learned from the patients service's events. */
    static final RecordType PATIENT = new RecordType("patient", "Patient");

    @Inject
    CoverageRepository coverages;

    @Inject
    KnownPatientRepository patients;

    @Inject
    PhiAudit audit;

    @Inject
    RecordAccess access;

    @Transactional
    public CoverageView get(Caller caller, UUID id) {
        Coverage coverage = visible(caller, id, AuditAction.READ);
        audit.success(caller, AuditAction.READ, COVERAGE.auditName(), id, coverage.practiceId());
        return CoverageView.of(coverage);
    }

    /**
     * A patient this service does not know, or of a practice the caller may not see, is a 404 like
     * any other read (the latter audited as DENIED).
     *
     * @param practiceId restrict to one practice (one the caller may see), or null for all of theirs
     */
    @Transactional
    public Page<CoverageView> ofPatient(Caller caller, UUID patientId, String practiceId, CoverageStatus status,
                                        PageRequest page) {
        access.require(caller, AuditAction.SEARCH, PATIENT, patientId, patients.findById(patientId), KnownPatient::practiceId);
        Page<Coverage> found = coverages.ofPatient(patientId, caller.practicesWithin(practiceId), status, page);
        audit.successEach(caller, AuditAction.SEARCH, COVERAGE.auditName(), found.items(), Coverage::id, Coverage::practiceId);
        return found.map(CoverageView::of);
    }

    /** The coverage if the caller's practices include its own; else 404, and a denied access is audited. */
    Coverage visible(Caller caller, UUID id, AuditAction action) {
        return access.require(caller, action, COVERAGE, id, coverages.findById(id), Coverage::practiceId);
    }
}
