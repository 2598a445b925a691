package dev.revcycle.patients.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.crypto.FieldCipher;
import dev.revcycle.common.domain.StaleVersion;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.events.PatientEvents;
import dev.revcycle.patients.store.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Demographic changes, returned mail, death and merge: each audited and published. */
@ApplicationScoped
public class ChangingPatients {
    @Inject
    PatientRepository patients;

    @Inject
    PatientEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    RecordAccess access;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    /**
     * @param expectedVersion the version the client read (If-Match), or null to change whatever is current
     * @param change          the new demographics from the current ones (a JSON merge patch, applied by the API)
     * @param ssnChanged      whether the change sets or clears the SSN (it is not among the current values)
     */
    @Transactional
    public PatientView change(Caller caller, UUID id, Long expectedVersion, UnaryOperator<Demographics> change,
                              boolean ssnChanged) {
        Patient patient = lockVisible(caller, id, AuditAction.UPDATE);
        StaleVersion.require(expectedVersion, patient.version(), "patient");
        LocalDate today = LocalDate.now(clock);
        Demographics d = Violations.checked(change.apply(patient.demographics()).normalized(), n -> n.violations(today));
        boolean wasUndeliverable = patient.isAddressUndeliverable();
        byte[] ssn = ssnChanged && d.ssn() != null ? cipher.encrypt("ssn", d.ssn()) : null;
        List<String> changed = patient.change(d, ssnChanged, ssn, clock.instant());
        if (!changed.isEmpty()) {
            events.updated(patient, changed);
            if (wasUndeliverable && changed.contains("address")) {
                events.addressCorrected(patient);
            }
        }
        audit.success(caller, AuditAction.UPDATE, "patient", id, patient.practiceId());
        patients.flush();
        return PatientView.of(patient);
    }

    @Transactional
    public PatientView markReturnedMail(Caller caller, UUID id) {
        Patient patient = lockVisible(caller, id, AuditAction.MARK_ADDRESS_UNDELIVERABLE);
        if (patient.markAddressUndeliverable(LocalDate.now(clock), clock.instant())) {
            events.addressUndeliverable(patient);
        }
        audit.success(caller, AuditAction.MARK_ADDRESS_UNDELIVERABLE, "patient", id, patient.practiceId());
        patients.flush();
        return PatientView.of(patient);
    }

    @Transactional
    public PatientView recordDeath(Caller caller, UUID id, LocalDate dateOfDeath) {
        Violations.required("dateOfDeath", dateOfDeath);
        Patient patient = lockVisible(caller, id, AuditAction.MARK_DECEASED);
        if (patient.recordDeath(dateOfDeath, LocalDate.now(clock), clock.instant())) {
            events.deceased(patient);
        }
        audit.success(caller, AuditAction.MARK_DECEASED, "patient", id, patient.practiceId());
        patients.flush();
        return PatientView.of(patient);
    }

    /** Keeps {@code survivorId}, retires {@code duplicateId} into it. */
    @Transactional
    public PatientView merge(Caller caller, UUID survivorId, UUID duplicateId) {
        Violations.required("duplicateId", duplicateId);
        // Lock in a fixed order so that two opposite merges cannot deadlock.
        boolean survivorFirst = survivorId.compareTo(duplicateId) <= 0;
        Patient first = lockVisible(caller, survivorFirst ? survivorId : duplicateId, AuditAction.MERGE);
        Patient second = survivorId.equals(duplicateId) ? first
                : lockVisible(caller, survivorFirst ? duplicateId : survivorId, AuditAction.MERGE);
        Patient survivor = survivorFirst ? first : second;
        Patient duplicate = survivorFirst ? second : first;
        duplicate.mergeInto(survivor, clock.instant());
        events.merged(survivor, duplicate);
        audit.success(caller, AuditAction.MERGE, "patient", List.of(survivor.id(), duplicate.id()), survivor.practiceId());
        patients.flush();
        return PatientView.of(survivor);
    }

    private Patient lockVisible(Caller caller, UUID id, AuditAction action) {
        return access.require(caller, action, FindingPatients.PATIENT, id,
                patients.findById(id, LockModeType.PESSIMISTIC_WRITE), Patient::practiceId);
    }
}
