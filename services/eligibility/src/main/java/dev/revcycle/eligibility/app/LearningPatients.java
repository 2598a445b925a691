package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.PatientFacts;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the local record of patients from the patients service's events. Runs inside the inbox's
 * transaction, so that the effect and the "event seen" row commit together. Applies by the
 * patient's version: an event not newer than what a record reflects changes nothing, so a
 * redelivered or replayed older event never undoes a newer one.
 */
@ApplicationScoped
public class LearningPatients {
    @Inject
    KnownPatientRepository patients;

    @Inject
    Clock clock;

    /** What became of an event. */
    public enum Learnt {
        APPLIED,
        /** The record already reflects that version or a later one: nothing changed. */
        ALREADY_NEWER,
        /** It refers to a patient not known yet (its registration has not arrived): try again later. */
        NOT_YET_KNOWN
    }

    /** Registered or updated: the event carries the whole current state, at {@code version}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt learn(UUID patientId, PatientFacts facts, long version) {
        KnownPatient patient = patients.findById(patientId);
        if (patient == null) {
            patients.persist(KnownPatient.of(patientId, facts, version, clock.instant()));
            return Learnt.APPLIED;
        }
        return patient.update(facts, version, clock.instant()) ? Learnt.APPLIED : Learnt.ALREADY_NEWER;
    }

    /**
     * Many registrations or updates at once, in one statement, with the same effect as
     * {@link #learn} for each in turn: of several events of one patient the newest wins.
     *
     * @return for each, in order, APPLIED or ALREADY_NEWER
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Learnt> learnAll(List<KnownPatientRepository.Learnt> events) {
        Map<UUID, KnownPatientRepository.Learnt> newest = new LinkedHashMap<>();
        for (KnownPatientRepository.Learnt e : events) {
            newest.merge(e.id(), e, (a, b) -> b.version() > a.version() ? b : a);
        }
        Set<UUID> written = patients.upsertNewer(List.copyOf(newest.values()), clock.instant());
        List<Learnt> outcomes = new ArrayList<>(events.size());
        for (KnownPatientRepository.Learnt e : events) {
            boolean applied = written.contains(e.id()) && newest.get(e.id()) == e;
            outcomes.add(applied ? Learnt.APPLIED : Learnt.ALREADY_NEWER);
        }
        return outcomes;
    }

    /**
     * The duplicate's record is retired; coverages are added to the survivor from now on. Both must
     * be known (a merge can overtake the duplicate's registration: it travels under another key).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt merged(UUID survivorId, long survivorVersion, UUID duplicateId, long duplicateVersion) {
        KnownPatient survivor = patients.findById(survivorId);
        KnownPatient duplicate = patients.findById(duplicateId);
        if (survivor == null || duplicate == null) {
            return Learnt.NOT_YET_KNOWN;
        }
        boolean survivorChanged = survivor.survived(survivorVersion, clock.instant());
        boolean duplicateChanged = duplicate.mergeInto(survivorId, duplicateVersion, clock.instant());
        return survivorChanged || duplicateChanged ? Learnt.APPLIED : Learnt.ALREADY_NEWER;
    }
}
