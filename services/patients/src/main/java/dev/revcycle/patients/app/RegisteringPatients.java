package dev.revcycle.patients.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.crypto.FieldCipher;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.Mrn;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.events.PatientEvents;
import dev.revcycle.patients.store.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Front-desk registration: checks, duplicate detection, encrypted SSN, PatientRegistered. */
@ApplicationScoped
public class RegisteringPatients {
    public static final Reason DUPLICATE_PATIENT = new Reason("duplicate-patient",
            "A patient with the same name and date of birth is already registered");

    @Inject
    PatientRepository patients;

    @Inject
    PatientEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Transactional
    public PatientView register(Caller caller, String practiceId, Demographics input, boolean allowDuplicate) {
        caller.requirePractice(practiceId, "Practice");
        LocalDate today = LocalDate.now(clock);
        Demographics d = Violations.checked(input.normalized(), n -> n.violations(today));
        PatientRepository.IdentityClaim claim = patients.claimIdentity(practiceId, d.firstName(), d.lastName(), d.dateOfBirth());
        if (!allowDuplicate && !claim.sameIdentity().isEmpty()) {
            throw new Conflict(DUPLICATE_PATIENT,
                    "Review the candidates; register anyway with ?allowDuplicate=true",
                    Map.of("candidates", claim.sameIdentity()));
        }
        byte[] ssn = d.ssn() == null ? null : cipher.encrypt("ssn", d.ssn());
        Patient patient = Patient.register(UUID.randomUUID(), practiceId, Mrn.of(claim.mrnNumber()), d, ssn,
                clock.instant());
        patients.persist(patient);
        events.registered(patient);
        audit.success(caller, AuditAction.CREATE, "patient", patient.id(), practiceId);
        patients.flush();
        return PatientView.of(patient);
    }
}
