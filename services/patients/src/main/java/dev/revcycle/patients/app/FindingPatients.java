package dev.revcycle.patients.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.AuditEvent;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.domain.PatientNotFound;
import dev.revcycle.patients.store.PatientRepository;
import dev.revcycle.patients.store.PatientSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Reading patients: every record handed out is an audited access to PHI. */
@ApplicationScoped
public class FindingPatients {
    @Inject
    PatientRepository patients;

    @Inject
    PhiAudit audit;

    @Transactional
    public PatientView get(Caller caller, UUID id) {
        Patient patient = patients.findById(id);
        if (patient == null) {
            throw new PatientNotFound();
        }
        if (!caller.canSee(patient.practiceId())) {
            audit.denied(caller, AuditAction.READ, "patient", id, patient.practiceId());
            throw new PatientNotFound();
        }
        audit.success(caller, AuditAction.READ, "patient", id, patient.practiceId());
        return PatientView.of(patient);
    }

    /**
     * @param practiceId restrict to one practice (one the caller may see), or null for all of theirs
     */
    @Transactional
    public Page<PatientView> search(Caller caller, PatientSearch criteria, String practiceId, PageRequest page) {
        Set<String> practices = practiceId == null ? caller.practices()
                : caller.canSee(practiceId) ? Set.of(practiceId) : Set.of();
        Page<Patient> found = patients.search(criteria, practices, page);
        // One audit row per patient shown, under the patient's own practice.
        found.items().stream().collect(java.util.stream.Collectors.groupingBy(Patient::practiceId))
                .forEach((practice, list) -> audit.success(caller, AuditAction.SEARCH, "patient",
                        list.stream().map(Patient::id).toList(), practice));
        return found.map(PatientView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEvent> auditTrail(Caller caller, UUID patientId, PageRequest page) {
        return audit.find(patientId, caller.practices(), page);
    }
}
