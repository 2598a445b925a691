package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.patient;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.Concurrently;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
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
@QuarkusTestResource(PayerSandboxResource.class)
class CoverageResourceTest {

    @Test
    void addsACoverageAndPublishesCoverageAddedKeyedByThePatient() {
        String practice = practice();
        String patient = patient(practice);
        String payer = payer();
        String member = activeMemberId();
        Map<String, Object> body = coverageBody(practice, patient, payer, member);
        body.put("subscriberRelationship", "SPOUSE");
        body.put("subscriber", Map.of("firstName", "Maria", "lastName", "Lopez", "dateOfBirth", "1982-07-14"));
        body.put("memberId", member.toLowerCase());
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            Response added = as("registrar", practice).body(body).post("/coverages");
            added.then().statusCode(201)
                    .header("Location", matchesPattern(".*/coverages/[0-9a-f-]{36}$"))
                    .body("patientId", equalTo(patient))
                    .body("practiceId", equalTo(practice))
                    .body("payer.id", equalTo(payer))
                    .body("payer.name", equalTo("Sandbox Health"))
                    .body("memberId", equalTo(member))
                    .body("priority", equalTo("PRIMARY"))
                    .body("subscriber.lastName", equalTo("Lopez"))
                    .body("status", equalTo("ACTIVE"));
            String id = added.path("id");

            TopicReader.Received event = topic.awaitOne(r -> r.type().equals("CoverageAdded")
                    && r.data().path("coverage").path("coverageId").asText().equals(id));
            assertThat(event.key()).isEqualTo(patient);
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("coverage").path("payer").path("x12PayerId").asText()).startsWith("SBX");
            assertThat(event.data().path("version").asLong()).isEqualTo(1);
            assertThat(event.data().path("coverage").path("subscriber").path("dateOfBirth").asText()).isEqualTo("1982-07-14");

            as("biller", practice).get("/coverages/" + id).then().statusCode(200)
                    .body("memberId", equalTo(member)).body("subscriberRelationship", equalTo("SPOUSE"));
            as("registrar", practice).get("/coverages?patientId=" + patient).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }
    }

    @Test
    void aSecondActivePrimaryIsAConflictUntilTheFirstIsTerminated() {
        String practice = practice();
        String patient = patient(practice);
        String payer = payer();
        String first = coverage(coverageBody(practice, patient, payer, activeMemberId()));
        as("registrar", practice).body(coverageBody(practice, patient, payer, activeMemberId())).post("/coverages")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/coverage-priority-taken"))
                .body("existingCoverageId", equalTo(first));
        Map<String, Object> secondary = coverageBody(practice, patient, payer, activeMemberId());
        secondary.put("priority", "SECONDARY");
        coverage(secondary);

        as("registrar", practice).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + first + "/terminate")
                .then().statusCode(200);
        String next = coverage(coverageBody(practice, patient, payer, activeMemberId()));
        as("registrar", practice).get("/coverages?patientId=" + patient).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.status", equalTo(List.of("ACTIVE", "ACTIVE", "TERMINATED")))
                .body("items.priority", equalTo(List.of("PRIMARY", "SECONDARY", "PRIMARY")))
                .body("items[0].id", equalTo(next));
        as("registrar", practice).get("/coverages?patientId=" + patient + "&status=TERMINATED").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void concurrentPrimariesForOnePatientAddOnlyOne() throws Exception {
        String practice = practice();
        String patient = patient(practice);
        String payer = payer();
        List<Integer> statuses = Concurrently.run(8, i -> as("registrar", practice)
                .body(coverageBody(practice, patient, payer, activeMemberId())).post("/coverages").statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        as("registrar", practice).get("/coverages?patientId=" + patient).then().body("total", equalTo(1));
    }

    @Test
    void aCoverageNeedsAKnownPatientOfItsPracticeAndAKnownPayer() {
        String practice = practice();
        String payer = payer();
        as("registrar", practice).body(coverageBody(practice, UUID.randomUUID().toString(), payer, activeMemberId()))
                .post("/coverages").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-patient"));

        String patient = patient(practice);
        as("registrar", practice).body(coverageBody(practice, patient, UUID.randomUUID().toString(), activeMemberId()))
                .post("/coverages").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-payer"));

        String other = practice();
        // the caller sees both practices: the patient is simply not of this one
        as("registrar", practice, other).body(coverageBody(other, patient, payer, activeMemberId()))
                .post("/coverages").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/patient-of-another-practice"));
        // the caller does not see the patient's practice: it does not exist for them
        as("registrar", other).body(coverageBody(other, patient, payer, activeMemberId()))
                .post("/coverages").then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        // a practice not in the token
        as("registrar", other).body(coverageBody(practice, patient, payer, activeMemberId()))
                .post("/coverages").then().statusCode(404);
    }

    static Stream<Arguments> invalidCoverages() {
        return Stream.of(
                invalid("memberId", b -> b.remove("memberId"), "is required"),
                invalid("memberId", b -> b.put("memberId", "M12*34~"), "letters, digits or dashes"),
                invalid("payerId", b -> b.remove("payerId"), "is required"),
                invalid("priority", b -> b.remove("priority"), "is required"),
                invalid("priority", b -> b.put("priority", "QUATERNARY"), "one of"),
                invalid("subscriberRelationship", b -> b.put("subscriberRelationship", "COUSIN"), "one of"),
                invalid("subscriber", b -> b.put("subscriberRelationship", "CHILD"), "required unless"),
                invalid("subscriber", b -> b.put("subscriber", Map.of("firstName", "Maria", "lastName", "Lopez", "dateOfBirth", "1982-07-14")), "left out"),
                invalid("subscriber.dateOfBirth", b -> {
                    b.put("subscriberRelationship", "SPOUSE");
                    b.put("subscriber", Map.of("firstName", "Maria", "lastName", "Lopez"));
                }, "is required"),
                invalid("effectiveDate", b -> b.remove("effectiveDate"), "is required"),
                invalid("effectiveDate", b -> b.put("effectiveDate", "2026-02-30"), "real date"),
                invalid("terminationDate", b -> b.put("terminationDate", "2025-12-31"), "before effectiveDate"),
                invalid("practiceId", b -> b.remove("practiceId"), "is required"),
                invalid("patientId", b -> b.put("patientId", "nope"), "UUID"),
                invalid("copay", b -> b.put("copay", 25), "not a known field"));
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change, String message) {
        return Arguments.of(field, change, message);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidCoverages")
    void badInputIsA400NamingTheFieldWithoutEchoingIt(String field, Consumer<Map<String, Object>> change, String message) {
        String practice = practice();
        Map<String, Object> body = coverageBody(practice, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "M77777777712");
        change.accept(body);
        ProblemAssertions.assertFieldRefused(as("registrar", practice).body(body).post("/coverages"), field, message,
                "77777777712", "Lopez");
    }

    @Test
    void aMergePatchCorrectsTheCoverageAndPublishesWhatChanged() {
        String practice = practice();
        String patient = patient(practice);
        String id = coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        String corrected = activeMemberId();
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            as("registrar", practice).contentType("application/merge-patch+json")
                    .body(Map.of("memberId", corrected, "planName", "Gold PPO")).header("If-Match", "\"1\"")
                    .patch("/coverages/" + id).then().statusCode(200)
                    .header("ETag", equalTo("\"2\""))
                    .body("memberId", equalTo(corrected))
                    .body("planName", equalTo("Gold PPO"))
                    .body("groupNumber", equalTo("GRP-4400"));
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType("CoverageChanged", patient));
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("changedFields").toString()).isEqualTo("[\"memberId\",\"planName\"]");
            assertThat(event.data().path("coverage").path("memberId").asText()).isEqualTo(corrected);
            // the coverage's version after the change, as its ETag
            assertThat(event.data().path("version").asLong()).isEqualTo(2);
        }
        Map<String, Object> clear = new HashMap<>();
        clear.put("groupNumber", null);
        as("registrar", practice).body(clear).patch("/coverages/" + id).then().statusCode(200)
                .body("groupNumber", nullValue());
        // a stale version is refused
        as("registrar", practice).body(Map.of("planName", "Silver")).header("If-Match", "\"1\"")
                .patch("/coverages/" + id).then().statusCode(412);
        // the owner and the payer do not change
        as("registrar", practice).body(Map.of("payerId", payer())).patch("/coverages/" + id).then().statusCode(400)
                .body("errors.field", hasItems("payerId"));
        as("registrar", practice).body(Map.of("patientId", UUID.randomUUID())).patch("/coverages/" + id).then().statusCode(400);
        as("registrar", practice).body(Map.of("priority", "FIRST")).patch("/coverages/" + id).then().statusCode(400)
                .body("errors.field", hasItems("priority"));
    }

    @Test
    void aMedicareCoverageBilledSecondCarriesWhyMedicarePaysSecond() {
        String practice = practice();
        String patient = patient(practice);
        coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        Map<String, Object> medicarePayer = Fixtures.payerBody();
        medicarePayer.put("payerType", "MEDICARE");
        medicarePayer.put("name", "Sandbox Medicare");
        String medicare = as("admin").body(medicarePayer).post("/payers").then().statusCode(201).extract().path("id");
        Map<String, Object> body = coverageBody(practice, patient, medicare, activeMemberId());
        body.put("priority", "SECONDARY");
        body.put("medicareSecondaryType", "END_STAGE_RENAL_DISEASE");
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            String id = as("registrar", practice).body(body).post("/coverages").then().statusCode(201)
                    .body("medicareSecondaryType", equalTo("END_STAGE_RENAL_DISEASE")).extract().path("id");
            TopicReader.Received added = topic.awaitOne(r -> r.type().equals("CoverageAdded")
                    && r.data().path("coverage").path("coverageId").asText().equals(id));
            EventSchemas.assertValid("eligibility", added.event());
            assertThat(added.data().path("coverage").path("medicareSecondaryType").asText())
                    .isEqualTo("END_STAGE_RENAL_DISEASE");

            // a correction names it in what changed; a patch that leaves it out keeps it
            as("registrar", practice).body(Map.of("medicareSecondaryType", "DISABLED_LARGE_GROUP"))
                    .patch("/coverages/" + id).then().statusCode(200)
                    .body("medicareSecondaryType", equalTo("DISABLED_LARGE_GROUP"));
            TopicReader.Received changed = topic.awaitOne(TopicReader.ofType("CoverageChanged", patient));
            EventSchemas.assertValid("eligibility", changed.event());
            assertThat(changed.data().path("changedFields").toString()).isEqualTo("[\"medicareSecondaryType\"]");
            assertThat(changed.data().path("coverage").path("medicareSecondaryType").asText())
                    .isEqualTo("DISABLED_LARGE_GROUP");
            as("registrar", practice).body(Map.of("planName", "Part B")).patch("/coverages/" + id).then()
                    .statusCode(200).body("medicareSecondaryType", equalTo("DISABLED_LARGE_GROUP"));

            // Medicare billed first has no MSP type; nor has any other payer's coverage; nothing is stored
            as("registrar", practice).body(Map.of("priority", "PRIMARY")).patch("/coverages/" + id).then()
                    .statusCode(400).body("errors.field", hasItems("medicareSecondaryType"));
            Map<String, Object> commercial = coverageBody(practice, patient, payer(), activeMemberId());
            commercial.put("priority", "TERTIARY");
            commercial.put("medicareSecondaryType", "WORKING_AGED");
            ProblemAssertions.assertFieldRefused(as("registrar", practice).body(commercial).post("/coverages"),
                    "medicareSecondaryType", "only for a Medicare coverage");
            Map<String, Object> unknown = coverageBody(practice, patient, medicare, activeMemberId());
            unknown.put("priority", "TERTIARY");
            unknown.put("medicareSecondaryType", "12");
            ProblemAssertions.assertFieldRefused(as("registrar", practice).body(unknown).post("/coverages"),
                    "medicareSecondaryType", "one of");
            as("registrar", practice).get("/coverages?patientId=" + patient).then().statusCode(200)
                    .body("total", equalTo(2));
        }
    }

    @Test
    void aPriorityChangeRespectsTheOtherActiveCoverages() {
        String practice = practice();
        String patient = patient(practice);
        String payer = payer();
        String primary = coverage(coverageBody(practice, patient, payer, activeMemberId()));
        Map<String, Object> secondaryBody = coverageBody(practice, patient, payer, activeMemberId());
        secondaryBody.put("priority", "SECONDARY");
        String secondary = coverage(secondaryBody);
        as("registrar", practice).body(Map.of("priority", "PRIMARY")).patch("/coverages/" + secondary).then().statusCode(409)
                .body("existingCoverageId", equalTo(primary));
        as("registrar", practice).body(Map.of("priority", "TERTIARY")).patch("/coverages/" + secondary).then().statusCode(200)
                .body("priority", equalTo("TERTIARY"));
    }

    @Test
    void terminationPublishesCoverageTerminatedOnceAndFreezesTheCoverage() {
        String practice = practice();
        String patient = patient(practice);
        String id = coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        as("registrar", practice).body(Map.of("terminationDate", "2025-12-31")).post("/coverages/" + id + "/terminate")
                .then().statusCode(400).body("errors.field", hasItems("terminationDate"));
        as("registrar", practice).body(Map.of()).post("/coverages/" + id + "/terminate")
                .then().statusCode(400).body("errors.field", hasItems("terminationDate"));
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            as("biller", practice).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + id + "/terminate")
                    .then().statusCode(200)
                    .body("status", equalTo("TERMINATED"))
                    .body("terminationDate", equalTo("2026-06-30"));
            as("biller", practice).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + id + "/terminate")
                    .then().statusCode(200);
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType("CoverageTerminated", patient));
            assertThat(event.key()).isEqualTo(patient);
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("coverageId").asText()).isEqualTo(id);
            assertThat(event.data().path("terminationDate").asText()).isEqualTo("2026-06-30");
            assertThat(event.data().path("version").asLong()).isEqualTo(2);
            assertThat(topic.drain(TopicReader.ofType("CoverageTerminated", patient), Duration.ofSeconds(2))).hasSize(1);
        }
        as("biller", practice).body(Map.of("terminationDate", "2026-07-31")).post("/coverages/" + id + "/terminate")
                .then().statusCode(409).body("type", equalTo("https://revcycle.dev/problems/conflict"));
        as("registrar", practice).body(Map.of("planName", "Gold")).patch("/coverages/" + id).then().statusCode(409)
                .body("type", not(equalTo("https://revcycle.dev/problems/coverage-priority-taken")));
    }

    @Test
    void listingNeedsAPatientAndShowsOnlyTheTokensPractices() {
        String practice = practice();
        String patient = patient(practice);
        coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        as("registrar", practice).get("/coverages").then().statusCode(400).body("errors.field", hasItems("patientId"));
        as("registrar", practice).get("/coverages?patientId=nope").then().statusCode(400);
        as("registrar", practice).get("/coverages?patientId=" + patient + "&status=GONE").then().statusCode(400);
        // another practice's patient, or one this service does not know: not found, like every other read
        as("registrar", practice()).get("/coverages?patientId=" + patient).then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        as("registrar", practice).get("/coverages?patientId=" + UUID.randomUUID()).then().statusCode(404);
        as("registrar", practice).get("/coverages?patientId=" + patient + "&practiceId=" + practice()).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anIdempotencyKeyMakesARetryAnswerTheFirstResponse() {
        String practice = practice();
        Map<String, Object> body = coverageBody(practice, patient(practice), payer(), activeMemberId());
        String key = UUID.randomUUID().toString();
        Response first = as("registrar", practice).header("Idempotency-Key", key).body(body).post("/coverages");
        first.then().statusCode(201);
        as("registrar", practice).header("Idempotency-Key", key).body(body).post("/coverages").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
    }
}
