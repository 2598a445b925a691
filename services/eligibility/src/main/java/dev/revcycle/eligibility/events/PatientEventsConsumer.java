package dev.revcycle.eligibility.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import dev.revcycle.eligibility.app.LearningPatients;
import dev.revcycle.eligibility.domain.PatientAddress;
import dev.revcycle.eligibility.domain.PatientFacts;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Listens to {@code revcycle.patients.events.v1}: only unpacks each record and hands it to the
 * inbox (once-only, retried in place on transient failures) and {@link LearningPatients}. A record
 * that can never be applied is dead-lettered to {@code revcycle.eligibility.dlq.v1} with the reason.
 */
@ApplicationScoped
public class PatientEventsConsumer {
    static final String CONSUMER = "eligibility.patients";

    @Inject
    Inbox inbox;

    @Inject
    LearningPatients learning;

    @Incoming("patients")
    @Blocking
    public CompletionStage<Void> receive(Message<String> record) {
        return inbox.deliver(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent<JsonNode> event) throws MalformedEventException {
        switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED -> {
                PatientRegistered registered = EventJson.data(event, PatientRegistered.class);
                learning.learn(required(registered.patientId(), event),
                        facts(registered.practiceId(), registered.demographics(), event));
            }
            case EventTypes.PATIENT_UPDATED -> {
                PatientUpdated updated = EventJson.data(event, PatientUpdated.class);
                learning.learn(required(updated.patientId(), event),
                        facts(updated.practiceId(), updated.demographics(), event));
            }
            case EventTypes.PATIENT_MERGED -> {
                PatientMerged merged = EventJson.data(event, PatientMerged.class);
                learning.merged(required(merged.survivorId(), event), required(merged.duplicateId(), event));
            }
            default -> {
                // address, death …: nothing eligibility keeps
            }
        }
    }

    private static UUID required(UUID id, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (id == null) {
            throw new MalformedEventException(event.type() + " without a patient id");
        }
        return id;
    }

    private static PatientFacts facts(String practiceId, PatientDemographics d, CloudEvent<JsonNode> event)
            throws MalformedEventException {
        if (practiceId == null || d == null || d.firstName() == null || d.lastName() == null
                || d.dateOfBirth() == null || d.sex() == null) {
            throw new MalformedEventException(event.type() + " without practice, name, date of birth or sex");
        }
        Address a = d.address();
        return new PatientFacts(practiceId, d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(),
                a == null ? null : new PatientAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode()));
    }
}
