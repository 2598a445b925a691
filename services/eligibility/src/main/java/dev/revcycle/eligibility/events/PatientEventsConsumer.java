package dev.revcycle.eligibility.events;

import static dev.revcycle.common.events.EventFields.id;
import static dev.revcycle.common.events.EventFields.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.claims.ProviderChanged;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.contracts.claims.ProviderRegistered;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import dev.revcycle.eligibility.app.LearningPatients;
import dev.revcycle.eligibility.app.LearningProviders;
import dev.revcycle.eligibility.domain.KnownProvider;
import dev.revcycle.eligibility.domain.PatientAddress;
import dev.revcycle.eligibility.domain.PatientFacts;
import dev.revcycle.eligibility.domain.ProviderEntityType;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import dev.revcycle.contracts.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumes {@code revcycle.patients.events.v1} and {@code revcycle.claims.events.v1} (and
 * eligibility's replay topic): only unpacks each event and hands it to {@link LearningPatients} or,
 * for claims' providers, {@link LearningProviders}; the inbox's consumer does the rest (batches,
 * once-only, retry of transient failures, dead letters to {@code revcycle.eligibility.dlq.v1}).
 * An event without a version, or without what it must carry, can never be applied: dead-lettered.
 * A merge of a patient not known yet is retried until the patient's registration has arrived.
 * Claims' other events are recorded and ignored.
 *
 * <p>One consumer for both topics: its name is the key of the inbox's history (so it stays
 * {@code eligibility.patients}), and a replayed dead letter, whichever topic it came from, comes back
 * through the one replay topic to the one handler that knows its type.
 */
@ApplicationScoped
public class PatientEventsConsumer implements Inbox.Handler {
    static final String CONSUMER = "eligibility.patients";

    @Inject
    InboxConsumers consumers;

    @Inject
    LearningPatients learning;

    @Inject
    LearningProviders providers;

    @ConfigProperty(name = "revcycle.inbox.enabled", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start(CONSUMER, List.of(Topics.PATIENTS, Topics.CLAIMS), this);
        }
    }

    /** Runs of registrations and updates are learnt in one statement; anything else in between, in turn. */
    @Override
    public List<Outcome> handleAll(List<CloudEvent<JsonNode>> events) throws MalformedEventException {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<KnownPatientRepository.Learnt> run = new ArrayList<>();
        for (CloudEvent<JsonNode> event : events) {
            KnownPatientRepository.Learnt learnt = switch (event.type()) {
                case EventTypes.PATIENT_REGISTERED -> {
                    PatientRegistered r = EventJson.data(event, PatientRegistered.class);
                    yield new KnownPatientRepository.Learnt(id(r.patientId(), event),
                            facts(r.practiceId(), r.demographics(), event), version(r.version(), event));
                }
                case EventTypes.PATIENT_UPDATED -> {
                    PatientUpdated u = EventJson.data(event, PatientUpdated.class);
                    yield new KnownPatientRepository.Learnt(id(u.patientId(), event),
                            facts(u.practiceId(), u.demographics(), event), version(u.version(), event));
                }
                default -> null;
            };
            if (learnt != null) {
                run.add(learnt);
            } else {
                learnRun(run, outcomes, events);
                outcomes.add(handle(event));
            }
        }
        learnRun(run, outcomes, events);
        return outcomes;
    }

    private void learnRun(List<KnownPatientRepository.Learnt> run, List<Outcome> outcomes,
                          List<CloudEvent<JsonNode>> events) {
        if (run.isEmpty()) {
            return;
        }
        List<LearningPatients.Learnt> learnt = learning.learnAll(run);
        for (int i = 0; i < learnt.size(); i++) {
            outcomes.add(outcome(learnt.get(i), events.get(outcomes.size())));
        }
        run.clear();
    }

    @Override
    public Outcome handle(CloudEvent<JsonNode> event) throws MalformedEventException {
        switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED -> {
                PatientRegistered registered = EventJson.data(event, PatientRegistered.class);
                return outcome(learning.learn(id(registered.patientId(), event),
                        facts(registered.practiceId(), registered.demographics(), event),
                        version(registered.version(), event)), event);
            }
            case EventTypes.PATIENT_UPDATED -> {
                PatientUpdated updated = EventJson.data(event, PatientUpdated.class);
                return outcome(learning.learn(id(updated.patientId(), event),
                        facts(updated.practiceId(), updated.demographics(), event),
                        version(updated.version(), event)), event);
            }
            case EventTypes.PATIENT_MERGED -> {
                PatientMerged merged = EventJson.data(event, PatientMerged.class);
                return outcome(learning.merged(id(merged.survivorId(), event), version(merged.version(), event),
                        id(merged.duplicateId(), event), version(merged.duplicateVersion(), event)), event);
            }
            case EventTypes.PROVIDER_REGISTERED -> {
                ProviderRegistered registered = EventJson.data(event, ProviderRegistered.class);
                return provider(registered.provider(), registered.version(), event);
            }
            case EventTypes.PROVIDER_CHANGED -> {
                ProviderChanged changed = EventJson.data(event, ProviderChanged.class);
                return provider(changed.provider(), changed.version(), event);
            }
            default -> {
                // address, death, claims' claims …: nothing eligibility keeps
                return Outcome.APPLIED;
            }
        }
    }

    /** Registered or changed: the event carries the provider's whole state at its version. */
    private Outcome provider(ProviderDetails p, long version, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (p == null || p.providerId() == null || p.practiceId() == null || p.npi() == null
                || !p.npi().matches("\\d{10}") || p.name() == null || p.name().isBlank() || p.entityType() == null) {
            throw new MalformedEventException(event.type() + " without provider id, practice, a ten-digit NPI, name "
                    + "or entity type");
        }
        ProviderEntityType type;
        try {
            type = ProviderEntityType.valueOf(p.entityType());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " with an entity type other than PERSON or ORGANIZATION");
        }
        Instant time = event.time();
        if (time == null) {
            // the time orders two providers' default marks: without it the event cannot be placed
            throw new MalformedEventException(event.type() + " without a time");
        }
        KnownProvider provider = new KnownProvider(p.providerId(), p.practiceId(), p.npi(), p.name(), type,
                p.defaultBilling());
        return providers.learn(provider, version(version, event), time) ? Outcome.APPLIED : Outcome.STALE;
    }

    private static Outcome outcome(LearningPatients.Learnt learnt, CloudEvent<JsonNode> event) {
        return switch (learnt) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_NEWER -> Outcome.STALE;
            case NOT_YET_KNOWN -> throw new Inbox.NotYetApplicable(event.type() + " " + event.id()
                    + " refers to a patient not known yet");
        };
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
