package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.as;
import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event carries the patient's version after it, from 1, one more with every event of the
 * patient (also when one change publishes two events, and for both records of a merge), and equal
 * to the ETag a reader then gets: what consumers apply by.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PatientEventVersionsTest {

    @Test
    void eachEventOfAPatientHasAVersionOfItsOwnAndTheLastIsTheETag() {
        String practice = practice();
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            String id = Fixtures.register(patient(practice));
            as("registrar", practice).post("/patients/" + id + "/returned-mail").then().statusCode(200);
            Map<String, Object> newAddress = new HashMap<>(Fixtures.address());
            newAddress.put("line1", "99 Oak Ave");
            // one change, two events: PatientUpdated and PatientAddressCorrected
            as("registrar", practice).body(Map.of("address", newAddress)).patch("/patients/" + id).then().statusCode(200);
            as("registrar", practice).body(Map.of("dateOfDeath", "2026-10-02")).post("/patients/" + id + "/deceased")
                    .then().statusCode(200);

            List<TopicReader.Received> events = topic.await(r -> r.event().path("subject").asText().equals(id), 5,
                    Duration.ofSeconds(30));
            events.forEach(e -> EventSchemas.assertValid("patients", e.event()));
            assertThat(events).extracting(TopicReader.Received::type).containsExactly("PatientRegistered",
                    "PatientAddressUndeliverable", "PatientUpdated", "PatientAddressCorrected", "PatientDeceased");
            assertThat(events).extracting(e -> e.data().path("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(as("registrar", practice).get("/patients/" + id).header("ETag")).isEqualTo("\"5\"");
        }
    }

    @Test
    void aMergeCarriesTheNewVersionsOfBothRecords() {
        String practice = practice();
        String survivor = Fixtures.register(patient(practice));
        String duplicate = Fixtures.register(patient(practice));
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            as("registrar", practice).body(Map.of("duplicateId", duplicate)).post("/patients/" + survivor + "/merge")
                    .then().statusCode(200);
            TopicReader.Received merged = topic.awaitOne(TopicReader.ofType("PatientMerged", survivor));
            EventSchemas.assertValid("patients", merged.event());
            assertThat(merged.data().path("version").asLong()).isEqualTo(2);
            assertThat(merged.data().path("duplicateVersion").asLong()).isEqualTo(2);
        }
        assertThat(as("registrar", practice).get("/patients/" + survivor).header("ETag")).isEqualTo("\"2\"");
        assertThat(as("registrar", practice).get("/patients/" + duplicate).header("ETag")).isEqualTo("\"2\"");
    }
}
