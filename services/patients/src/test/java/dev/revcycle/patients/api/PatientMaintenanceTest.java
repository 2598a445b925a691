package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.as;
import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PatientMaintenanceTest {

    @Test
    void aPatchChangesOnlyWhatItNamesAndPublishesTheChangedFields() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String id = Fixtures.register(body);
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            as("registrar", practice).contentType("application/merge-patch+json")
                    .body(Map.of("phone", "(217) 555-0123", "address", Map.of("line2", "Apt 4")))
                    .patch("/patients/" + id).then().statusCode(200)
                    .body("phone", equalTo("2175550123"))
                    .body("address.line1", equalTo("12 Main St"))
                    .body("address.line2", equalTo("Apt 4"))
                    .body("lastName", equalTo(body.get("lastName")))
                    .body("ssn", equalTo("***-**-6789"))
                    .body("version", equalTo(2));
            TopicReader.Received updated = topic.awaitOne(TopicReader.ofType("PatientUpdated", id));
            EventSchemas.assertValid("patients", updated.event());
            assertThat(updated.data().path("changedFields")).extracting(Object::toString)
                    .containsExactlyInAnyOrder("\"phone\"", "\"address\"");
            assertThat(updated.data().path("demographics").path("phone").asText()).isEqualTo("2175550123");
        }
        // clearing an optional field, changing the SSN
        as("registrar", practice).body("{\"email\": null, \"ssn\": \"234-56-7890\"}").patch("/patients/" + id)
                .then().statusCode(200).body("email", nullValue()).body("ssn", equalTo("***-**-7890"));
        // nothing to change: no new version
        as("registrar", practice).body(Map.of("phone", "2175550123")).patch("/patients/" + id)
                .then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void aBadPatchIsA400AndChangesNothing() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        as("registrar", practice).body(Map.of("address", Map.of("state", "QQ"))).patch("/patients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("address.state"));
        as("registrar", practice).body(Map.of("lastName", (Object) List.of("x"))).patch("/patients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("lastName"));
        as("registrar", practice).body("{\"firstName\": null}").patch("/patients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("firstName"));
        as("registrar", practice).body(Map.of("practiceId", practice())).patch("/patients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("practiceId"));
        as("registrar", practice).body(Map.of("favouriteColour", "blue")).patch("/patients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("favouriteColour"));
        as("registrar", practice).body("\"just a string\"").patch("/patients/" + id).then().statusCode(400);
        as("registrar", practice).get("/patients/" + id).then().body("version", equalTo(1));
    }

    @Test
    void ifMatchRefusesALostUpdate() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        Response read = as("registrar", practice).get("/patients/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        as("registrar", practice).header("If-Match", "\"1\"").body(Map.of("phone", "2175550111")).patch("/patients/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        as("registrar", practice).header("If-Match", "\"1\"").body(Map.of("phone", "2175550122")).patch("/patients/" + id)
                .then().statusCode(412).body("type", equalTo("https://revcycle.dev/problems/precondition-failed"));
        as("registrar", practice).get("/patients/" + id).then().body("phone", equalTo("2175550111"));
    }

    @Test
    void returnedMailFlagsTheAddressUntilANewOneIsEntered() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            as("registrar", practice).post("/patients/" + id + "/returned-mail").then().statusCode(200)
                    .body("addressUndeliverable", equalTo(true))
                    .body("addressUndeliverableOn", equalTo(LocalDate.now().toString()));
            as("registrar", practice).post("/patients/" + id + "/returned-mail").then().statusCode(200);
            EventSchemas.assertValid("patients", topic.awaitOne(TopicReader.ofType("PatientAddressUndeliverable", id)).event());

            // the phone changes: the address is still undeliverable
            as("registrar", practice).body(Map.of("phone", "2175550111")).patch("/patients/" + id).then()
                    .body("addressUndeliverable", equalTo(true));
            Map<String, Object> newAddress = new HashMap<>(Fixtures.address());
            newAddress.put("line1", "99 Oak Ave");
            as("registrar", practice).body(Map.of("address", newAddress)).patch("/patients/" + id).then().statusCode(200)
                    .body("addressUndeliverable", equalTo(false))
                    .body("address.line1", equalTo("99 Oak Ave"));
            TopicReader.Received corrected = topic.awaitOne(TopicReader.ofType("PatientAddressCorrected", id));
            EventSchemas.assertValid("patients", corrected.event());
            assertThat(corrected.data().path("address").path("line1").asText()).isEqualTo("99 Oak Ave");
            assertThat(topic.drain(TopicReader.ofType("PatientAddressUndeliverable", id), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void deathIsRecordedOnceAndChecked() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        as("registrar", practice).body(Map.of("dateOfDeath", "2999-01-01")).post("/patients/" + id + "/deceased")
                .then().statusCode(400).body("errors.field", hasItem("dateOfDeath"));
        as("registrar", practice).body(Map.of("dateOfDeath", "1980-01-01")).post("/patients/" + id + "/deceased")
                .then().statusCode(400).body("errors.field", hasItem("dateOfDeath"));
        as("registrar", practice).body(Map.of()).post("/patients/" + id + "/deceased")
                .then().statusCode(400).body("errors.field", hasItem("dateOfDeath"));
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            as("registrar", practice).body(Map.of("dateOfDeath", "2026-10-02")).post("/patients/" + id + "/deceased")
                    .then().statusCode(200).body("dateOfDeath", equalTo("2026-10-02"));
            as("registrar", practice).body(Map.of("dateOfDeath", "2026-10-02")).post("/patients/" + id + "/deceased")
                    .then().statusCode(200);
            TopicReader.Received deceased = topic.awaitOne(TopicReader.ofType("PatientDeceased", id));
            EventSchemas.assertValid("patients", deceased.event());
            assertThat(deceased.data().path("dateOfDeath").asText()).isEqualTo("2026-10-02");
            assertThat(topic.drain(TopicReader.ofType("PatientDeceased", id), Duration.ofSeconds(1))).hasSize(1);
        }
        as("registrar", practice).body(Map.of("dateOfDeath", "2026-10-03")).post("/patients/" + id + "/deceased")
                .then().statusCode(409);
    }

    @Test
    void mergeRetiresTheDuplicateIntoTheSurvivor() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String survivor = Fixtures.register(body);
        String duplicate = as("registrar", practice).body(body).post("/patients?allowDuplicate=true")
                .then().statusCode(201).extract().path("id");
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            as("registrar", practice).body(Map.of("duplicateId", duplicate)).post("/patients/" + survivor + "/merge")
                    .then().statusCode(200).body("id", equalTo(survivor)).body("status", equalTo("ACTIVE"));
            TopicReader.Received merged = topic.awaitOne(TopicReader.ofType("PatientMerged", survivor));
            EventSchemas.assertValid("patients", merged.event());
            assertThat(merged.data().path("duplicateId").asText()).isEqualTo(duplicate);
        }
        as("registrar", practice).get("/patients/" + duplicate).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivor));
        as("registrar", practice).queryParam("name", body.get("lastName")).get("/patients").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(survivor));
        // merged records cannot change, nor be merged twice
        as("registrar", practice).body(Map.of("phone", "2175550111")).patch("/patients/" + duplicate).then().statusCode(409);
        as("registrar", practice).body(Map.of("duplicateId", duplicate)).post("/patients/" + survivor + "/merge").then().statusCode(409);
        as("registrar", practice).body(Map.of("duplicateId", survivor)).post("/patients/" + survivor + "/merge").then().statusCode(400);
        as("registrar", practice).body(Map.of()).post("/patients/" + survivor + "/merge").then().statusCode(400)
                .body("errors.field", hasItem("duplicateId"));
        // another practice's patient cannot be merged in, and is not revealed
        String elsewhere = practice();
        String foreign = Fixtures.register(patient(elsewhere));
        as("registrar", practice).body(Map.of("duplicateId", foreign)).post("/patients/" + survivor + "/merge").then().statusCode(404);
        as("registrar", practice, elsewhere).body(Map.of("duplicateId", foreign)).post("/patients/" + survivor + "/merge").then().statusCode(404);
    }

    @Test
    void searchFindsByNamePrefixDateOfBirthAndMrnWithinThePractice() {
        String practice = practice();
        String last = Fixtures.uniqueLastName();
        Map<String, Object> ana = patient(practice);
        ana.put("lastName", last);
        Map<String, Object> bob = patient(practice);
        bob.put("lastName", last);
        bob.put("firstName", "Bob");
        bob.put("dateOfBirth", "1990-07-01");
        String anaId = Fixtures.register(ana);
        String bobId = Fixtures.register(bob);
        Map<String, Object> elsewhere = patient(practice());
        elsewhere.put("lastName", last);
        Fixtures.register(elsewhere);

        String prefix = last.substring(0, 8).toLowerCase();
        as("biller", practice).queryParam("name", prefix).get("/patients").then().statusCode(200)
                .body("total", equalTo(2)).body("items.firstName", equalTo(List.of("Ana", "Bob")));
        as("biller", practice).queryParam("name", last.toUpperCase() + ", b").get("/patients").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(bobId));
        as("biller", practice).queryParam("name", prefix).queryParam("dateOfBirth", "1984-03-09").get("/patients").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(anaId));
        String mrn = as("biller", practice).get("/patients/" + anaId).path("mrn");
        as("biller", practice).queryParam("mrn", mrn).get("/patients").then().body("total", equalTo(1))
                .body("items[0].id", equalTo(anaId));
        // paging: totals in the body, size at most 200 (more is refused, not cut: StrictInputTest)
        as("biller", practice).queryParam("name", prefix).queryParam("size", 1).queryParam("page", 1).get("/patients").then()
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items[0].firstName", equalTo("Bob"));
        as("biller", practice).queryParam("size", 5000).get("/patients").then().statusCode(400).body("errors.field", hasItem("size"));
        as("biller", practice).queryParam("size", 0).get("/patients").then().statusCode(400).body("errors.field", hasItem("size"));
        as("biller", practice).queryParam("page", -1).get("/patients").then().statusCode(400);
        as("biller", practice).queryParam("dateOfBirth", "yesterday").get("/patients").then().statusCode(400)
                .body("errors.field", hasItem("dateOfBirth"));
    }
}
