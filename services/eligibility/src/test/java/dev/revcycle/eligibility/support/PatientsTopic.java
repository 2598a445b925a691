package dev.revcycle.eligibility.support;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes on revcycle.patients.events.v1 what the patients service would, with a plain producer. */
public final class PatientsTopic {
    private static KafkaProducer<String, String> producer;

    private PatientsTopic() {
    }

    public static PatientDemographics demographics(String firstName, String lastName, LocalDate dateOfBirth) {
        return new PatientDemographics("M100000001", firstName, lastName, dateOfBirth, "F",
                new Address("12 Main St", null, "Springfield", "IL", "62704"), false, null, null, null);
    }

    public static String registered(UUID patientId, String practiceId, PatientDemographics d) {
        return event(EventTypes.PATIENT_REGISTERED, patientId, new PatientRegistered(patientId, practiceId, d));
    }

    public static String updated(UUID patientId, String practiceId, List<String> changed, PatientDemographics d) {
        return event(EventTypes.PATIENT_UPDATED, patientId, new PatientUpdated(patientId, practiceId, changed, d));
    }

    public static String merged(UUID survivorId, UUID duplicateId, String practiceId) {
        return event(EventTypes.PATIENT_MERGED, survivorId, new PatientMerged(survivorId, duplicateId, practiceId));
    }

    private static String event(String type, UUID subject, Object data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/patients", type, Instant.now(),
                subject.toString(), data));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static synchronized void send(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(Topics.PATIENTS, key, value)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.PATIENTS, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }
}
