package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.KafkaFaultProxy;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The outbox promise: with the broker unreachable, registrations still commit and their events
 * wait; once it is back, each event reaches the topic exactly once.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class OutboxOutageTest {
    @Inject
    KafkaFaultProxy kafka;

    @Inject
    AgroalDataSource db;

    @Test
    void registrationsCommitDuringABrokerOutageAndTheirEventsArePublishedOnceWhenItReturns() throws Exception {
        String practice = practice();
        List<String> ids = new ArrayList<>();
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            kafka.cut();
            try {
                for (int i = 0; i < 5; i++) {
                    ids.add(Fixtures.register(patient(practice)));
                }
                // committed, readable, and waiting in the outbox
                for (String id : ids) {
                    Fixtures.as("registrar", practice).get("/patients/" + id).then().statusCode(200);
                }
                Thread.sleep(3_000);
                assertThat(unpublished(ids)).isEqualTo(5);
                assertThat(topic.drain(r -> ids.contains(r.key()), Duration.ofMillis(500))).isEmpty();
            } finally {
                kafka.restore();
            }
            List<TopicReader.Received> events = topic.await(r -> ids.contains(r.key()), 5, Duration.ofSeconds(60));
            // keep reading a while: nothing arrives twice
            events = topic.drain(r -> ids.contains(r.key()), Duration.ofSeconds(3));
            assertThat(events).hasSize(5);
            Set<String> eventIds = new HashSet<>();
            events.forEach(e -> eventIds.add(e.event().path("id").asText()));
            assertThat(eventIds).hasSize(5);
            assertThat(events).extracting(TopicReader.Received::type).containsOnly("PatientRegistered");
            assertThat(unpublished(ids)).isZero();
        }
    }

    private long unpublished(List<String> ids) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND message_key IN ('"
                     + String.join("','", ids) + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
