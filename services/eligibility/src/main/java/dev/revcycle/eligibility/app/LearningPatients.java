package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.PatientFacts;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Keeps the local record of patients from the patients service's events. Runs inside the inbox's
 * transaction, so that the effect and the "event seen" row commit together.
 */
@ApplicationScoped
public class LearningPatients {
    @Inject
    KnownPatientRepository patients;

    @Inject
    Clock clock;

    /** Registered or updated: the event carries the whole current state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(UUID patientId, PatientFacts facts) {
        KnownPatient patient = patients.findById(patientId);
        if (patient == null) {
            patients.persist(KnownPatient.of(patientId, facts, clock.instant()));
        } else {
            patient.update(facts, clock.instant());
        }
    }

    /** The duplicate's record is retired; coverages are added to the survivor from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID survivorId, UUID duplicateId) {
        KnownPatient duplicate = patients.findById(duplicateId);
        if (duplicate != null) {
            duplicate.mergeInto(survivorId, clock.instant());
        }
    }
}
