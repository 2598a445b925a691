package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.common.inbox.DeadLetters;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.Topics;
import dev.revcycle.eligibility.support.PatientsTopic;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What eligibility learns from the patients service's events, and what it does with a bad one. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class PatientEventsTest {
    @Inject
    AgroalDataSource db;

    @Inject
    InboxConsumers consumers;

    /** Tries to add a coverage until the patient is known (the event takes a moment); returns the last status. */
    private static int addCoverageWithin(Map<String, Object> body, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status;
        do {
            status = as("registrar", (String) body.get("practiceId")).body(body).post("/coverages").statusCode();
            if (status != 422) {
                return status;
            }
            Fixtures.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    @Test
    void aRegisteredPatientBecomesUsableForACoverage() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Map<String, Object> body = coverageBody(practice, patient.toString(), payer(), activeMemberId());
        as("registrar", practice).body(body).post("/coverages").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-patient"));

        PatientsTopic.send(patient.toString(), PatientsTopic.registered(patient, practice,
                PatientsTopic.demographics("Ana", "Okafor", LocalDate.of(1984, 3, 9))));
        assertThat(addCoverageWithin(body, Duration.ofSeconds(60))).isEqualTo(201);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        String registered = PatientsTopic.registered(patient, practice,
                PatientsTopic.demographics("Ana", "Before", LocalDate.of(1984, 3, 9)));
        String renamed = PatientsTopic.updated(patient, practice, List.of("lastName"),
                PatientsTopic.demographics("Ana", "After", LocalDate.of(1984, 3, 9)), 2);
        // one key, so the three arrive in this order; the third is the first again, as a redelivery would be
        PatientsTopic.send(patient.toString(), registered);
        PatientsTopic.send(patient.toString(), renamed);
        PatientsTopic.send(patient.toString(), registered);
        // a marker behind them on the same partition: once it is applied, so are they
        UUID marker = UUID.randomUUID();
        PatientsTopic.send(patient.toString(), PatientsTopic.registered(marker, practice,
                PatientsTopic.demographics("Mark", "Er", LocalDate.of(1990, 1, 1))));
        Fixtures.awaitKnown(marker, Duration.ofSeconds(60));

        // what the payer is asked about is the patient's current name, not the replayed one
        String coverage = coverage(coverageBody(practice, patient.toString(), payer(), activeMemberId()));
        String check = as("registrar", practice).body(Map.of("coverageId", coverage, "serviceDate", "2026-03-05"))
                .post("/eligibility-checks").then().statusCode(201).extract().path("id");
        assertThat(as("registrar", practice).get("/eligibility-checks/" + check + "/x12/270").asString())
                .contains("NM1*IL*1*After*Ana****MI*");

        String eventId = dev.revcycle.common.events.EventJson.read(registered).id();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void anAppliedEventsOffsetIsCommittedSoARestartDoesNotReadItAgain() throws Exception {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        PatientsTopic.send(patient.toString(), PatientsTopic.registered(patient, practice,
                PatientsTopic.demographics("Ana", "Okafor", LocalDate.of(1984, 3, 9))));
        Fixtures.awaitKnown(patient, Duration.ofSeconds(60));
        TopicPartition partition = new TopicPartition(Topics.PATIENTS, PatientsTopic.partitionOf(patient));
        String group = ConfigProvider.getConfig().getValue("revcycle.inbox.group-id", String.class);
        String bootstrap = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9192");
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // the tests send one event at a time and wait for it: the event is the last one of its partition so far
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long committed;
            do {
                OffsetAndMetadata at = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                committed = at == null ? -1 : at.offset();
                if (committed < end) {
                    Fixtures.sleep(100);
                }
            } while (committed < end && System.nanoTime() < deadline);
            assertThat(committed).as("the group's committed offset on the applied event's partition").isEqualTo(end);
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        String poison = "{\"note\":\"not a CloudEvent\",\"marker\":\"" + UUID.randomUUID() + "\"}";
        String noData = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PatientRegistered\","
                + "\"source\":\"revcycle/patients\",\"data\":{\"patientId\":\"" + patient + "\"}}";
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("eligibility"))) {
            PatientsTopic.send(patient.toString(), poison);
            PatientsTopic.send(patient.toString(), noData);
            PatientsTopic.send(patient.toString(), PatientsTopic.registered(patient, practice,
                    PatientsTopic.demographics("Ana", "Okafor", LocalDate.of(1984, 3, 9))));

            List<TopicReader.Received> dead = dlq.await(r -> r.raw().equals(poison) || r.raw().equals(noData), 2,
                    Duration.ofSeconds(60));
            assertThat(dead).extracting(TopicReader.Received::key).containsOnly(patient.toString());
        }
        Fixtures.awaitKnown(patient, Duration.ofSeconds(60));
        coverage(coverageBody(practice, patient.toString(), payer(), activeMemberId()));
    }

    @Test
    void aMergedDuplicateTakesNoNewCoverage() throws Exception {
        String practice = practice();
        String survivor = Fixtures.patient(practice);
        String duplicate = Fixtures.patient(practice);
        PatientsTopic.send(survivor, PatientsTopic.merged(UUID.fromString(survivor), UUID.fromString(duplicate), practice, 2, 2));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!merged(duplicate) && System.nanoTime() < deadline) {
            Fixtures.sleep(100);
        }
        as("registrar", practice).body(coverageBody(practice, duplicate, payer(), activeMemberId())).post("/coverages")
                .then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/patient-merged"))
                .body("survivorId", equalTo(survivor));
        coverage(coverageBody(practice, survivor, payer(), activeMemberId()));
    }

    @Test
    void anOlderVersionArrivingLateIsRecordedAndIgnored() throws Exception {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        String v2 = PatientsTopic.updated(patient, practice, List.of("lastName"),
                PatientsTopic.demographics("Ana", "Newer", LocalDate.of(1984, 3, 9)), 2);
        String v1 = PatientsTopic.registered(patient, practice,
                PatientsTopic.demographics("Ana", "Older", LocalDate.of(1984, 3, 9)), 1);
        // as a replay from the dead-letter topic or a redelivery after a rebalance would bring them
        PatientsTopic.send(patient.toString(), v2);
        PatientsTopic.send(patient.toString(), v1);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (inboxOutcome(v1) == null && System.nanoTime() < deadline) {
            Fixtures.sleep(100);
        }
        assertThat(inboxOutcome(v2)).isEqualTo("applied");
        assertThat(inboxOutcome(v1)).isEqualTo("stale");
        assertThat(row(patient, "last_name")).isEqualTo("Newer");
        assertThat(row(patient, "applied_version")).isEqualTo(2L);

        // what the payer is asked about is the newer name
        String coverage = coverage(coverageBody(practice, patient.toString(), payer(), activeMemberId()));
        String check = as("registrar", practice).body(Map.of("coverageId", coverage, "serviceDate", "2026-03-05"))
                .post("/eligibility-checks").then().statusCode(201).extract().path("id");
        assertThat(as("registrar", practice).get("/eligibility-checks/" + check + "/x12/270").asString())
                .contains("NM1*IL*1*Newer*Ana****MI*");
    }

    @Test
    void anEventWithoutAVersionIsDeadLettered() {
        UUID patient = UUID.randomUUID();
        String unversioned = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PatientRegistered\","
                + "\"source\":\"revcycle/patients\",\"data\":{\"patientId\":\"" + patient + "\",\"practiceId\":\"p1\","
                + "\"demographics\":{\"firstName\":\"Ana\",\"lastName\":\"Okafor\",\"dateOfBirth\":\"1984-03-09\",\"sex\":\"F\"}}}";
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("eligibility"))) {
            PatientsTopic.send(patient.toString(), unversioned);
            dlq.await(r -> r.raw().equals(unversioned), 1, Duration.ofSeconds(60));
        }
        assertThat(PatientsTopic.known(patient)).isFalse();
    }

    @Test
    void aMergeThatOvertakesTheDuplicatesRegistrationWaitsForItInsteadOfBeingDeadLettered() throws Exception {
        String practice = practice();
        UUID survivor = UUID.fromString(Fixtures.patient(practice));
        // the duplicate's events travel on another partition: its registration can arrive after the merge
        UUID duplicate = PatientsTopic.idOnAnotherPartitionThan(survivor);
        String merge = PatientsTopic.merged(survivor, duplicate, practice, 2, 2);
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("eligibility"))) {
            PatientsTopic.send(survivor.toString(), merge);
            Fixtures.sleep(3_000);
            assertThat(inboxOutcome(merge)).as("not applied while the duplicate is unknown").isNull();
            assertThat(consumers.running().get("eligibility.patients").retryingPartitions()).isGreaterThanOrEqualTo(1);

            PatientsTopic.send(duplicate.toString(), PatientsTopic.registered(duplicate, practice,
                    PatientsTopic.demographics("Ana", "Twice", LocalDate.of(1984, 3, 9))));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!merged(duplicate.toString()) && System.nanoTime() < deadline) {
                Fixtures.sleep(100);
            }
            assertThat(row(duplicate, "merged_into")).isEqualTo(survivor);
            assertThat(row(survivor, "applied_version")).isEqualTo(2L);
            assertThat(dlq.drain(r -> r.raw().equals(merge), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedThroughTheNormalPathOnce() throws Exception {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        String event = PatientsTopic.registered(patient, practice,
                PatientsTopic.demographics("Ana", "Replayed", LocalDate.of(1984, 3, 9)));
        String eventId = dev.revcycle.common.events.EventJson.read(event).id();
        // dead-lettered by an earlier, faulty version of the consumer
        String bootstrap = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9192");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.deadLetter("eligibility"),
                    patient.toString(), event);
            letter.headers().add(DeadLetters.REASON, "PatientRegistered could not be applied".getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetters.TOPIC, Topics.PATIENTS.getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetters.PARTITION, "0".getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetters.OFFSET, "42".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get(20, TimeUnit.SECONDS);
        }
        DeadLetters letters = new DeadLetters(bootstrap, "eligibility");
        DeadLetters.Letter listed = letters.list().stream().filter(l -> eventId.equals(l.eventId())).findFirst().orElseThrow();
        assertThat(listed.eventType()).isEqualTo("PatientRegistered");
        assertThat(listed.reason()).isEqualTo("PatientRegistered could not be applied");
        assertThat(listed.from()).isEqualTo(Topics.PATIENTS + "-0@42");
        assertThat(listed.replayed()).isFalse();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetters.print(letters.list(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(listed.id() + "  ").contains(eventId)
                .doesNotContain("Replayed").doesNotContain("1984-03-09");

        assertThat(letters.replay(listed.id())).extracting(DeadLetters.Letter::id).containsExactly(listed.id());
        Fixtures.awaitKnown(patient, Duration.ofSeconds(60));
        // a second replay of the same dead letter, then a marker behind it on the same partition
        letters.replay(listed.id());
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.replay("eligibility"), patient.toString(),
                    PatientsTopic.registered(marker, practice, PatientsTopic.demographics("Mark", "Er",
                            LocalDate.of(1990, 1, 1))))).get(20, TimeUnit.SECONDS);
        }
        Fixtures.awaitKnown(marker, Duration.ofSeconds(60));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(letters.list().stream().filter(l -> l.id().equals(listed.id())).findFirst().orElseThrow().replayed())
                .isTrue();
        assertThatThrownBy(() -> letters.replay("99-99999")).isInstanceOf(IllegalArgumentException.class);

        // a service that consumes nothing has none
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        DeadLetters.print(new DeadLetters(bootstrap, "patients").list(), new PrintStream(none, true, StandardCharsets.UTF_8));
        assertThat(none.toString(StandardCharsets.UTF_8).trim()).isEqualTo("none");
    }

    private String inboxOutcome(String event) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT outcome FROM inbox_event WHERE event_id = ?")) {
            s.setString(1, dev.revcycle.common.events.EventJson.read(event).id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Object row(UUID patient, String column) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM known_patient WHERE id = ?")) {
            s.setObject(1, patient);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private boolean merged(String patientId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT merged_into FROM known_patient WHERE id = ?")) {
            s.setObject(1, UUID.fromString(patientId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }
}
