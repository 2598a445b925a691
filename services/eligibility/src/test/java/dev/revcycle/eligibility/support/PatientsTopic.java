package dev.revcycle.eligibility.support;

import dev.revcycle.testing.TopicWriter;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * Publishes on revcycle.patients.events.v1 what the patients service would, with a plain producer.
 * The application under test reads that topic from its end with a group of its own; before the
 * first event of a test run, this waits until a sentinel patient arrives, so that no test event is
 * published before the consumer has its partitions.
 */
public final class PatientsTopic {
    private static boolean consumerAssigned;

    private PatientsTopic() {
    }

    public static PatientDemographics demographics(String firstName, String lastName, LocalDate dateOfBirth) {
        return new PatientDemographics("M100000001", firstName, lastName, dateOfBirth, "F",
                new Address("12 Main St", null, "Springfield", "IL", "62704"), false, null, null, null);
    }

    /** A registration: version 1 of the patient. */
    public static String registered(UUID patientId, String practiceId, PatientDemographics d) {
        return registered(patientId, practiceId, d, 1);
    }

    public static String registered(UUID patientId, String practiceId, PatientDemographics d, long version) {
        return event(EventTypes.PATIENT_REGISTERED, patientId, new PatientRegistered(patientId, practiceId, d, version));
    }

    public static String updated(UUID patientId, String practiceId, List<String> changed, PatientDemographics d,
                                 long version) {
        return event(EventTypes.PATIENT_UPDATED, patientId,
                new PatientUpdated(patientId, practiceId, changed, d, version));
    }

    public static String merged(UUID survivorId, UUID duplicateId, String practiceId, long survivorVersion,
                                long duplicateVersion) {
        return event(EventTypes.PATIENT_MERGED, survivorId,
                new PatientMerged(survivorId, duplicateId, practiceId, survivorVersion, duplicateVersion));
    }

    private static String event(String type, UUID subject, Object data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/patients", type, Instant.now(),
                subject.toString(), data));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static synchronized void send(String key, String value) {
        awaitConsumer();
        publish(key, value);
    }

    /** A new patient id whose events land on another partition than {@code other}'s (the topic has several). */
    public static UUID idOnAnotherPartitionThan(UUID other) {
        int partitions = TopicWriter.partitions(Topics.PATIENTS);
        if (partitions < 2) {
            throw new IllegalStateException(Topics.PATIENTS + " has a single partition");
        }
        while (true) {
            UUID id = UUID.randomUUID();
            if (partition(id, partitions) != partition(other, partitions)) {
                return id;
            }
        }
    }

    /** The partition of {@link Topics#PATIENTS} a patient's events land on. */
    public static int partitionOf(UUID patientId) {
        return partition(patientId, TopicWriter.partitions(Topics.PATIENTS));
    }

    /** The default partitioner's choice for a key. */
    private static int partition(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Whether the application has stored the patient in its read model. */
    public static boolean known(UUID patientId) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM known_patient WHERE id = ?")) {
            s.setObject(1, patientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitConsumer() {
        if (!consumerAssigned) {
            TopicWriter.awaitConsumer("eligibility's patients consumer",
                    sentinel -> publish(sentinel.toString(), registered(sentinel, "sentinel",
                            demographics("Sentinel", "Patient", LocalDate.of(1970, 1, 1)))),
                    PatientsTopic::known);
            consumerAssigned = true;
        }
    }


    private static void publish(String key, String value) {
        TopicWriter.publish(Topics.PATIENTS, key, value);
    }

}
