package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.as;
import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.Concurrently;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PatientRegistrationTest {
    @Inject
    AgroalDataSource db;

    @Test
    void registersAPatientWithAnMrnAMaskedSsnAndAnEvent() throws Exception {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        try (TopicReader topic = new TopicReader(Topics.PATIENTS)) {
            Response created = as("registrar", practice).body(body).post("/patients");
            created.then().statusCode(201)
                    .header("Location", matchesPattern(".*/patients/[0-9a-f-]{36}$"))
                    .body("mrn", matchesPattern("M\\d{9}"))
                    .body("ssn", equalTo("***-**-6789"))
                    .body("practiceId", equalTo(practice))
                    .body("lastName", equalTo(body.get("lastName")))
                    .body("address.state", equalTo("IL"))
                    .body("addressUndeliverable", equalTo(false))
                    .body("status", equalTo("ACTIVE"));
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith("/patients/" + id);

            TopicReader.Received event = topic.awaitOne(TopicReader.ofType("PatientRegistered", id));
            assertThat(event.key()).isEqualTo(id);
            EventSchemas.assertValid("patients", event.event());
            assertThat(event.data().path("demographics").path("mrn").asText()).isEqualTo(created.path("mrn"));
            assertThat(event.raw()).doesNotContain("6789").doesNotContain("ssn");

            // The SSN is stored encrypted: no digits of it in the row, and not the last four either outside ssn_last4.
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT ssn_encrypted, encode(ssn_encrypted, 'escape') AS raw, ssn_last4 FROM patient WHERE id = '" + id + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("ssn_encrypted")).isNotEmpty();
                assertThat(row.getString("raw")).doesNotContain("123456789").doesNotContain("123-45-6789");
                assertThat(row.getString("ssn_last4")).isEqualTo("6789");
            }
        }
    }

    @Test
    void aSecondRegistrationOfTheSamePersonIsAConflictListingTheCandidate() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String first = Fixtures.register(body);
        Map<String, Object> again = new HashMap<>(body);
        again.put("firstName", "ANA");
        as("registrar", practice).body(again).post("/patients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/duplicate-patient"))
                .body("candidates", hasItem(first));
        as("registrar", practice).body(again).post("/patients?allowDuplicate=true").then().statusCode(201)
                .body("id", not(equalTo(first)));
    }

    @Test
    void theSamePersonInAnotherPracticeIsNotADuplicate() {
        Map<String, Object> body = patient(practice());
        Fixtures.register(body);
        Map<String, Object> elsewhere = new HashMap<>(body);
        elsewhere.put("practiceId", practice());
        Fixtures.register(elsewhere);
    }

    @Test
    void concurrentRegistrationsOfOnePersonRegisterItOnce() throws Exception {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        List<Integer> statuses = Concurrently.run(8, i -> as("registrar", practice).body(body).post("/patients").statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void anIdempotencyKeyMakesARetryAnswerTheFirstResponse() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String key = UUID.randomUUID().toString();
        Response first = as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients");
        first.then().statusCode(201);
        Response retry = as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("mrn", equalTo(first.path("mrn")));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        as("registrar", practice).queryParam("name", body.get("lastName")).get("/patients")
                .then().statusCode(200).body("total", equalTo(1));

        Map<String, Object> other = patient(practice);
        as("registrar", practice).header("Idempotency-Key", key).body(other).post("/patients").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/idempotency-key-reused"));
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIsA409() throws Exception {
        String practice = practice();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = patient(practice);
        // the first request with this key has claimed it and is still running
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, created_at) "
                    + "VALUES ('POST /patients|test-registrar', '" + key + "', 'x', 'IN_PROGRESS', now())");
        }
        as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients").then().statusCode(422);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // same request: the stored hash is the one of this body
            s.executeUpdate("UPDATE idempotency_record SET request_hash = '" + hashOf(body) + "' WHERE idempotency_key = '" + key + "'");
        }
        as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients").then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/idempotency-request-in-progress"));
        as("registrar", practice).get("/patients").then().body("total", equalTo(0));
        // another client may use the same key for its own request
        io.restassured.RestAssured.given().auth().oauth2(dev.revcycle.testing.TestTokens.token(
                        "other-desk", java.util.Set.of("registrar"), List.of(practice)))
                .contentType(io.restassured.http.ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/patients").then().statusCode(201);
    }

    @Inject
    dev.revcycle.common.idempotency.IdempotencyKeys idempotencyKeys;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private String hashOf(Map<String, Object> body) throws Exception {
        // what the resource hashes: the request record and the allowDuplicate flag
        PatientRequest request = json.convertValue(body, PatientRequest.class);
        return idempotencyKeys.fingerprint(Map.of("request", request, "allowDuplicate", false));
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                invalid("firstName", b -> b.remove("firstName"), "is required"),
                invalid("lastName", b -> b.put("lastName", "   "), "is required"),
                invalid("lastName", b -> b.put("lastName", "R2-D2"), "letters"),
                invalid("dateOfBirth", b -> b.remove("dateOfBirth"), "is required"),
                invalid("dateOfBirth", b -> b.put("dateOfBirth", "2999-01-01"), "future"),
                invalid("dateOfBirth", b -> b.put("dateOfBirth", "1850-01-01"), "1900"),
                invalid("dateOfBirth", b -> b.put("dateOfBirth", "2023-02-30"), "real date"),
                invalid("dateOfBirth", b -> b.put("dateOfBirth", "03/09/1984"), "real date"),
                invalid("sex", b -> b.remove("sex"), "is required"),
                invalid("sex", b -> b.put("sex", "X"), "one of"),
                invalid("ssn", b -> b.put("ssn", "000-12-3456"), "area"),
                invalid("ssn", b -> b.put("ssn", "666-12-3456"), "area"),
                invalid("ssn", b -> b.put("ssn", "912-12-3456"), "area"),
                invalid("ssn", b -> b.put("ssn", "123-00-3456"), "9 digits"),
                invalid("ssn", b -> b.put("ssn", "12345678"), "9 digits"),
                invalid("address", b -> b.remove("address"), "is required"),
                invalid("address.line1", b -> address(b).remove("line1"), "is required"),
                invalid("address.city", b -> address(b).remove("city"), "is required"),
                invalid("address.state", b -> address(b).put("state", "XX"), "US state"),
                invalid("address.state", b -> address(b).remove("state"), "is required"),
                invalid("address.postalCode", b -> address(b).put("postalCode", "1234"), "ZIP"),
                invalid("address.postalCode", b -> address(b).put("postalCode", "62704-12"), "ZIP"),
                invalid("phone", b -> b.put("phone", "555-0199"), "10-digit"),
                invalid("email", b -> b.put("email", "not-an-email"), "email"),
                invalid("practiceId", b -> b.remove("practiceId"), "is required"),
                invalid("practiceId", b -> b.put("practiceId", "North Clinic!"), "practice code"),
                invalid("guarantor.relationship", b -> b.put("guarantor", Map.of("firstName", "Maria", "lastName", "Lopez")), "is required"),
                invalid("guarantor.relationship", b -> b.put("guarantor", Map.of("firstName", "Maria", "lastName", "Lopez", "relationship", "COUSIN")), "one of"),
                invalid("nickname", b -> b.put("nickname", "Annie"), "not a known field"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("address");
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change, String message) {
        return Arguments.of(field, change, message);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidRegistrations")
    void badInputIsA400ProblemNamingTheFieldWithoutEchoingIt(String field, Consumer<Map<String, Object>> change, String message) {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        change.accept(body);
        String lastName = String.valueOf(body.get("lastName"));
        // a unique last name must not be echoed; a blank or invalid one may be anything
        ProblemAssertions.assertFieldRefused(as("registrar", practice).body(body).post("/patients"), field, message,
                "6789", lastName.startsWith("Zz") ? lastName : "6789");
        // nothing half-written
        as("registrar", practice).get("/patients").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void everyFieldErrorIsListedAtOnce() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        body.remove("firstName");
        address(body).put("state", "ZZ");
        body.put("ssn", "999999999");
        as("registrar", practice).body(body).post("/patients").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("firstName", "address.state", "ssn"));
    }

    @Test
    void malformedJsonOrNoBodyIsA400Problem() {
        String practice = practice();
        as("registrar", practice).body("{\"firstName\": ").post("/patients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/malformed-request"));
        as("registrar", practice).post("/patients").then().statusCode(400)
                .contentType("application/problem+json");
        as("registrar", practice).body("[1,2]").post("/patients").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        as("registrar", "p1").get("/patients/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as("registrar", "p1").get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as("registrar", "p1").delete("/patients").then().statusCode(405).contentType("application/problem+json")
                .body("detail", nullValue());
    }
}
