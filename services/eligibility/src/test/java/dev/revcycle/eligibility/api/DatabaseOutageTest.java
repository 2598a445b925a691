package dev.revcycle.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.Topics;
import dev.revcycle.eligibility.support.PatientsTopic;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.DatabaseFaultProxy;
import dev.revcycle.testing.FaultProxy;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for 30 s while patients' events arrive: the consumer pauses and retries
 * (its partitions paused, the "kafka" health group and the retrying gauge say so), nothing is
 * dead-lettered, and once the database is back every event is applied exactly once. The outage is
 * a TCP proxy in front of PostgreSQL for this application only.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class DatabaseOutageTest {
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseFaultProxy.class, Map.of("database", "eligibility_test")));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // fail fast while the database is away (the retry is the consumer's, not the pool's)
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.datasource.jdbc.login-timeout", "2s");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    InboxConsumers consumers;

    @Test
    void eventsArrivingWhileTheDatabaseIsAwayAreAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        String practice = Fixtures.practice();
        FaultProxy database = DatabaseFaultProxy.current();
        List<UUID> patients = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("eligibility"))) {
            send(practice, patients, events, 20);
            Fixtures.awaitKnown(patients.get(19), Duration.ofSeconds(60));

            database.cut();
            long cutAt = System.nanoTime();
            send(practice, patients, events, 60);
            // the consumer notices and says so; readiness is the datasource's business, not the consumer's
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumers.running().get("eligibility.patients").retryingPartitions() == 0
                    && System.nanoTime() < deadline) {
                Fixtures.sleep(200);
            }
            assertThat(consumers.running().get("eligibility.patients").retryingPartitions()).isGreaterThan(0);
            given().get("/q/health/group/kafka").then().statusCode(503);
            assertThat(given().get("/q/metrics").asString()).containsPattern("revcycle_inbox_retrying\\{[^}]*\\} [1-9]");
            while (System.nanoTime() - cutAt < Duration.ofSeconds(30).toNanos()) {
                Fixtures.sleep(500);
            }
            database.restore();

            for (UUID patient : patients) {
                Fixtures.awaitKnown(patient, Duration.ofSeconds(60));
            }
            assertThat(dlq.drain(r -> events.contains(r.raw()), Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(inboxRows(events)).isEqualTo(events.size());
        assertThat(consumers.running().get("eligibility.patients").retryingPartitions()).isZero();
        given().get("/q/health/group/kafka").then().statusCode(200);
    }

    private static void send(String practice, List<UUID> patients, List<String> events, int count) {
        for (int i = 0; i < count; i++) {
            UUID patient = UUID.randomUUID();
            String event = PatientsTopic.registered(patient, practice,
                    PatientsTopic.demographics("Ana", "Outage" + patients.size(), LocalDate.of(1984, 3, 9)));
            PatientsTopic.send(patient.toString(), event);
            patients.add(patient);
            events.add(event);
        }
    }

    private int inboxRows(List<String> events) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String event : events) {
            ids.add(EventJson.read(event).id());
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM inbox_event WHERE consumer = 'eligibility.patients' AND event_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
