package dev.revcycle.patients.events;

import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.Guarantor;
import dev.revcycle.contracts.patients.PatientAddressCorrected;
import dev.revcycle.contracts.patients.PatientAddressUndeliverable;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.domain.PostalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Turns what happened to a patient into the contract events of {@code revcycle.patients.events.v1}
 * and writes them to the outbox, in the caller's transaction. Keyed by patient id.
 *
 * <p>Every event carries the patient's version after it, which consumers apply by (an event not
 * newer than what they hold is ignored), so each event of a patient must have a version of its own:
 * see {@link #versionAfterChange}.
 */
@ApplicationScoped
public class PatientEvents {
    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    public void registered(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_REGISTERED, key(p),
                new PatientRegistered(p.id(), p.practiceId(), demographics(p), p.version()));
    }

    public void updated(Patient p, List<String> changedFields) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_UPDATED, key(p),
                new PatientUpdated(p.id(), p.practiceId(), changedFields, demographics(p), versionAfterChange(p)));
    }

    public void addressUndeliverable(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_ADDRESS_UNDELIVERABLE, key(p),
                new PatientAddressUndeliverable(p.id(), p.practiceId(), p.addressUndeliverableOn(),
                        versionAfterChange(p)));
    }

    public void addressCorrected(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_ADDRESS_CORRECTED, key(p),
                new PatientAddressCorrected(p.id(), p.practiceId(), address(p.demographics().address()),
                        versionAfterChange(p)));
    }

    public void deceased(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_DECEASED, key(p),
                new PatientDeceased(p.id(), p.practiceId(), p.dateOfDeath(), versionAfterChange(p)));
    }

    /** Both records change; the event, keyed by the survivor, carries both versions. */
    public void merged(Patient survivor, Patient duplicate) {
        long survivorBefore = survivor.version();
        long duplicateBefore = duplicate.version();
        em.flush();
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_MERGED, key(survivor),
                new PatientMerged(survivor.id(), duplicate.id(), survivor.practiceId(),
                        incrementedSince(survivor, survivorBefore), incrementedSince(duplicate, duplicateBefore)));
    }

    /**
     * The patient's version once the change just made is written. Hibernate increments the version
     * when it flushes a changed record; where that did not happen (the survivor of a merge whose
     * record did not change, or the second event of one change, e.g. PatientAddressCorrected after
     * PatientUpdated) it is incremented here, so that no two events of a patient share a version.
     * Called after the change, before the use case's own flush; a registration has version 1.
     */
    private long versionAfterChange(Patient p) {
        long before = p.version();
        em.flush();
        return incrementedSince(p, before);
    }

    /** The patient's version, incremented here if the flush did not (the record did not change). */
    private long incrementedSince(Patient p, long before) {
        if (p.version() == before) {
            // the row is locked by the use case; re-read it so the entity holds the new version
            em.createQuery("UPDATE Patient x SET x.version = x.version + 1 WHERE x.id = :id")
                    .setParameter("id", p.id()).executeUpdate();
            em.refresh(p);
        }
        return p.version();
    }

    private static String key(Patient p) {
        return p.id().toString();
    }

    /** Never the SSN: no consumer needs it. */
    static PatientDemographics demographics(Patient p) {
        Demographics d = p.demographics();
        Guarantor guarantor = d.guarantor() == null ? null : new Guarantor(d.guarantor().firstName(),
                d.guarantor().lastName(), d.guarantor().relationship().name(), address(d.guarantor().address()),
                d.guarantor().phone());
        return new PatientDemographics(p.mrn(), d.firstName(), d.lastName(), d.dateOfBirth(), d.sex().name(),
                address(d.address()), p.isAddressUndeliverable(), d.phone(), d.email(), guarantor);
    }

    private static Address address(PostalAddress a) {
        return a == null ? null : new Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }
}
