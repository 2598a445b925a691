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
import java.util.List;

/**
 * Turns what happened to a patient into the contract events of {@code revcycle.patients.events.v1}
 * and writes them to the outbox, in the caller's transaction. Keyed by patient id.
 */
@ApplicationScoped
public class PatientEvents {
    @Inject
    Outbox outbox;

    public void registered(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_REGISTERED, key(p),
                new PatientRegistered(p.id(), p.practiceId(), demographics(p)));
    }

    public void updated(Patient p, List<String> changedFields) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_UPDATED, key(p),
                new PatientUpdated(p.id(), p.practiceId(), changedFields, demographics(p)));
    }

    public void addressUndeliverable(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_ADDRESS_UNDELIVERABLE, key(p),
                new PatientAddressUndeliverable(p.id(), p.practiceId(), p.addressUndeliverableOn()));
    }

    public void addressCorrected(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_ADDRESS_CORRECTED, key(p),
                new PatientAddressCorrected(p.id(), p.practiceId(), address(p.demographics().address())));
    }

    public void deceased(Patient p) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_DECEASED, key(p),
                new PatientDeceased(p.id(), p.practiceId(), p.dateOfDeath()));
    }

    public void merged(Patient survivor, Patient duplicate) {
        outbox.publish(Topics.PATIENTS, EventTypes.PATIENT_MERGED, key(survivor),
                new PatientMerged(survivor.id(), duplicate.id(), survivor.practiceId()));
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
