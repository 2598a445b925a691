package dev.revcycle.patients.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.AuditEvent;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.domain.PatientSearch;
import dev.revcycle.patients.store.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Reading patients: every record handed out is an audited access to PHI. */
@ApplicationScoped
public class FindingPatients {
    static final RecordType PATIENT = new RecordType("patient", "Patient");

    @Inject
    PatientRepository patients;

    @Inject
    PhiAudit audit;

    @Inject
    RecordAccess access;

    @Transactional
    public PatientView get(Caller caller, UUID id) {
        Patient patient = access.require(caller, AuditAction.READ, PATIENT, id, patients.findById(id), Patient::practiceId);
        audit.success(caller, AuditAction.READ, PATIENT.auditName(), id, patient.practiceId());
        return PatientView.of(patient);
    }

    /**
     * @param practiceId restrict to one practice (one the caller may see), or null for all of theirs
     */
    @Transactional
    public Page<PatientView> search(Caller caller, PatientSearch criteria, String practiceId, PageRequest page) {
        Page<Patient> found = patients.search(criteria, caller.practicesWithin(practiceId), page);
        audit.successEach(caller, AuditAction.SEARCH, PATIENT.auditName(), found.items(), Patient::id, Patient::practiceId);
        return found.map(PatientView::of);
    }

    /** Who read or changed the patient: for a patient the caller may not see, 404 like any other read. */
    @Transactional
    public Page<AuditEvent> auditTrail(Caller caller, UUID patientId, PageRequest page) {
        Patient patient = access.require(caller, AuditAction.READ, PATIENT, patientId, patients.findById(patientId),
                Patient::practiceId);
        return audit.find(patientId, Set.of(patient.practiceId()), page);
    }
}
