package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.app.ClaimTransitions;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimResourceTest {
    @Inject
    ClaimTransitions transitions;

    @Inject
    BillableClaims billable;

    record Setup(String practice, UUID patient, UUID coverage, UUID payer, String provider) {
    }

    static Setup setup() {
        String practice = ServiceRequests.practice();
        UUID patient = FactsTopics.patient(practice);
        UUID payer = UUID.randomUUID();
        UUID coverage = FactsTopics.coverage(practice, patient, payer);
        return new Setup(practice, patient, coverage, payer, ProviderResourceTest.register(practice));
    }

    static Map<String, Object> line(String code, String charge, int... pointers) {
        Map<String, Object> l = new HashMap<>();
        l.put("procedureCode", code);
        l.put("units", 1);
        l.put("chargeAmount", Double.valueOf(charge));
        l.put("serviceDate", "2026-11-20");
        List<Integer> p = new ArrayList<>();
        for (int i : pointers) {
            p.add(i);
        }
        l.put("diagnosisPointers", p);
        return l;
    }

    static Map<String, Object> body(Setup s) {
        Map<String, Object> b = new HashMap<>();
        b.put("practiceId", s.practice());
        b.put("patientId", s.patient().toString());
        b.put("coverageId", s.coverage().toString());
        b.put("type", "PROFESSIONAL");
        b.put("billingProviderId", s.provider());
        b.put("placeOfService", "11");
        b.put("diagnoses", List.of("E11.9", "I10"));
        b.put("lines", List.of(line("99213", "150.00", 1), line("81002", "25.5", 1, 2)));
        return b;
    }

    static String create(Setup s) {
        return as("biller", s.practice()).body(body(s)).post("/claims").then().statusCode(201).extract().path("id");
    }

    @Test
    void aClaimIsCreatedAsADraftWithItsControlNumberTotalAndEvent() {
        Setup s = setup();
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            String id = as("biller", s.practice()).body(body(s)).post("/claims").then().statusCode(201)
                    .header("Location", notNullValue())
                    .body("status", equalTo("DRAFT")).body("totalCharge", equalTo(175.5f))
                    .body("payerId", equalTo(s.payer().toString()))
                    .body("patientControlNumber.length()", lessThanOrEqualTo(20))
                    .body("lines[1].lineNumber", equalTo(2)).body("lines[1].chargeAmount", equalTo(25.5f))
                    .extract().path("id");
            as("poster", s.practice()).get("/claims/" + id).then().statusCode(200).header("ETag", "\"1\"");
            TopicReader.Received created = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_CREATED, id));
            EventSchemas.assertValid("claims", created.event());
            assertEquals(id, created.key());
            assertEquals(2, created.data().path("lines").size());
            assertEquals("25.50", created.data().path("lines").path(1).path("chargeAmount").decimalValue().setScale(2).toPlainString());
            assertEquals(s.payer().toString(), created.data().path("payerId").asText());
        }
    }

    @Test
    void aSelfPayClaimHasNoCoverage() {
        Setup s = setup();
        Map<String, Object> b = body(s);
        b.remove("coverageId");
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(201)
                .body("coverageId", equalTo(null)).body("payerId", equalTo(null));
    }

    @Test
    void badStructureIsA400NamingEachFieldAndNothingIsWritten() {
        Setup s = setup();
        Map<String, Object> b = body(s);
        b.put("diagnoses", List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "B1", "B2", "B3", "B4"));
        Map<String, Object> l = line("99213", "150.001");
        l.put("modifiers", List.of("25", "59", "76", "77", "91"));
        l.remove("serviceDate");
        b.put("lines", List.of(l));
        b.remove("billingProviderId");
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("diagnoses")).body("errors.field", hasItem("lines[0].chargeAmount"))
                .body("errors.field", hasItem("lines[0].modifiers")).body("errors.field", hasItem("lines[0].serviceDate"))
                .body("errors.field", hasItem("lines[0].diagnosisPointers")).body("errors.field", hasItem("billingProviderId"));
        as("biller", s.practice()).queryParam("patientId", s.patient().toString()).get("/claims").then()
                .body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
    }

    @Test
    void theQueueIsPagedByCursorOldestFirstAndABadCursorIsA400() {
        Setup s = setup();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(s));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var req = as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("status", "DRAFT")
                    .queryParam("size", 2);
            if (next != null) {
                req = req.queryParam("after", next);
            }
            var page = req.get("/claims").then().statusCode(200).body("size", equalTo(2)).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            next = page.getBoolean("hasMore") ? page.getString("next") : null;
            assertEquals(page.getBoolean("hasMore"), page.getString("next") != null);
            pages++;
        } while (next != null);
        assertEquals(ids, seen);
        assertEquals(3, pages);
        // a claim that leaves the queue between pages does not shift the next page
        var first = as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("size", 2)
                .get("/claims").then().extract().jsonPath();
        transitions.markReady(UUID.fromString(ids.get(0)), "test");
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("status", "DRAFT").queryParam("size", 2)
                .queryParam("after", first.getString("next")).get("/claims").then().statusCode(200)
                .body("items.id", equalTo(ids.subList(2, 4)));
        // with serviceDateFrom too (the window), in the queue's order: the claim just marked READY is last now
        List<String> inOrder = new ArrayList<>(ids.subList(1, 5));
        inOrder.add(ids.get(0));
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("serviceDateFrom", "2026-11-20")
                .queryParam("size", 10).get("/claims").then().statusCode(200)
                .body("items.id", equalTo(inOrder)).body("hasMore", equalTo(false));
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("serviceDateFrom", "2026-11-20")
                .queryParam("size", 4).get("/claims").then().statusCode(200)
                .body("items.id", equalTo(inOrder.subList(0, 4))).body("hasMore", equalTo(true));
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("serviceDateFrom", "2026-11-21")
                .get("/claims").then().statusCode(200).body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
        for (String bad : List.of("nonsense", "MTIzfjQ1Ng", "!!")) {
            as("biller", s.practice()).queryParam("after", bad).get("/claims").then().statusCode(400)
                    .body("errors.field", hasItem("after"));
        }
        as("biller", s.practice()).queryParam("size", 201).get("/claims").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void aMalformedCodeIsStillCreated() {
        Setup s = setup();
        Map<String, Object> b = body(s);
        b.put("lines", List.of(line("ABC", "10.00", 1)));
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(201).body("lines[0].procedureCode", equalTo("ABC"));
    }

    @Test
    void anUnknownPatientCoverageOrProviderIsA422() {
        Setup s = setup();
        Map<String, Object> b = body(s);
        b.put("patientId", UUID.randomUUID().toString());
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-patient"));
        b = body(s);
        b.put("coverageId", UUID.randomUUID().toString());
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-coverage"));
        b = body(s);
        b.put("renderingProviderId", ProviderResourceTest.register(ServiceRequests.practice()));
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/unknown-provider"));
        // a patient of another practice is unknown in this one
        Setup other = setup();
        b = body(s);
        b.put("patientId", other.patient().toString());
        b.remove("coverageId");
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(422);
        as("biller", s.practice()).queryParam("practiceId", s.practice()).get("/claims").then().body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
    }

    @Test
    void aDraftIsPatchedWithItsNewLinesPublishedAndOnlyWhileADraft() {
        Setup s = setup();
        String id = create(s);
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            as("biller", s.practice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("lines", List.of(line("99214", "200.00", 1))))
                    .patch("/claims/" + id).then().statusCode(200).header("ETag", "\"2\"")
                    .body("totalCharge", equalTo(200.0f)).body("lines.size()", equalTo(1));
            TopicReader.Received changed = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_CHANGED, id));
            EventSchemas.assertValid("claims", changed.event());
            assertEquals("99214", changed.data().path("lines").path(0).path("procedureCode").asText());
        }
        as("biller", s.practice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"placeOfService\": \"22\"}").patch("/claims/" + id).then().statusCode(412);
        as("biller", s.practice()).contentType("application/merge-patch+json")
                .body("{\"patientId\": \"" + UUID.randomUUID() + "\"}").patch("/claims/" + id).then().statusCode(400);
        transitions.markReady(UUID.fromString(id), "scrubber");
        as("biller", s.practice()).contentType("application/merge-patch+json")
                .body("{\"placeOfService\": \"22\"}").patch("/claims/" + id).then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/claim-not-editable"));
    }

    @Test
    void theLifecycleIsWrittenToTheHistoryAndARejectedClaimIsResubmitted() {
        Setup s = setup();
        UUID id = UUID.fromString(create(s));
        as("biller", s.practice()).post("/claims/" + id + "/resubmit").then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/illegal-transition"));
        UUID batch = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            Unprocessable notReady = assertThrows(Unprocessable.class,
                    () -> transitions.markSubmitted(List.of(id), batch, "biller"));
            assertEquals(List.of(id), notReady.details().get("notReadyClaimIds"));
            transitions.markReady(id, "scrubber");
            transitions.markSubmitted(List.of(id), batch, "biller");
            transitions.record(id, ClaimTransitions.SOURCE_277CA, "A1", "20", "received", "mailbox");
            transitions.reject(id, ClaimTransitions.SOURCE_277CA, "A7", "21", "Missing or invalid information", "mailbox");
            assertThrows(Conflict.class, () -> transitions.markReady(id, "scrubber"));
            for (String type : List.of(EventTypes.CLAIM_SUBMITTED, EventTypes.CLAIM_REJECTED)) {
                EventSchemas.assertValid("claims", topic.awaitOne(TopicReader.ofType(type, id.toString())).event());
            }
        }
        as("collector", s.practice()).queryParam("status", "REJECTED").queryParam("practiceId", s.practice())
                .get("/claims").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(id.toString()));
        as("biller", s.practice()).queryParam("status", "REJECTED").queryParam("payerId", s.payer().toString())
                .queryParam("serviceDateFrom", "2026-11-01").queryParam("olderThanDays", "0").get("/claims").then()
                .body("items.size()", equalTo(1));
        as("biller", s.practice()).queryParam("status", "REJECTED").queryParam("olderThanDays", "30")
                .queryParam("practiceId", s.practice()).get("/claims").then().body("items.size()", equalTo(0));
        as("biller", s.practice()).post("/claims/" + id + "/resubmit").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        as("auditor", s.practice()).get("/claims/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", equalTo(List.of("DRAFT", "READY", "SUBMITTED", "SUBMITTED", "REJECTED", "DRAFT")))
                .body("items[2].batchId", equalTo(batch.toString()))
                .body("items[4].categoryCode", equalTo("A7")).body("items[4].reason", notNullValue())
                .body("items[5].actor", notNullValue());
        transitions.markReady(id, "scrubber");
        transitions.markSubmitted(List.of(id), UUID.randomUUID(), "biller");
        transitions.accept(id, "PCCN1", ClaimTransitions.SOURCE_277CA, "mailbox");
        as("biller", s.practice()).get("/claims/" + id).then().body("status", equalTo("ACCEPTED"));
        assertEquals(id, transitions.claimIdOf(billable.load(id).claim().patientControlNumber()));
    }

    @Test
    void aBillableClaimCarriesItsPatientCoverageEligibilityAndProviders() {
        Setup s = setup();
        UUID id = UUID.fromString(create(s));
        UUID check = UUID.randomUUID();
        FactsTopics.sendEligibility(s.patient(), FactsTopics.verified(check, s.coverage(), s.patient(), s.practice(),
                LocalDate.of(2026, 11, 20)));
        FactsTopics.await("SELECT 1 FROM latest_eligibility WHERE check_id = ?", check);
        BillableClaim b = billable.loadAll(List.of(id, UUID.randomUUID())).get(0);
        assertEquals("Zzlopez", b.patient().lastName());
        assertEquals("XJH123456701", b.coverage().memberId());
        assertEquals("SBX01", b.coverage().x12PayerId());
        assertEquals("ACTIVE", b.eligibility().status());
        assertEquals(s.provider(), b.billingProvider().id().toString());
        assertNull(b.renderingProvider());
        assertEquals(ClaimStatus.DRAFT, b.claim().status());
    }

    @Test
    void theReadModelFollowsUpdatesMergesDeathsAndTerminationsByVersion() {
        Setup s = setup();
        FactsTopics.sendPatient(s.patient(), FactsTopics.updated(s.patient(), s.practice(),
                FactsTopics.demographics("Ana", "Newname", LocalDate.of(1984, 3, 9)), 3));
        FactsTopics.await("SELECT 1 FROM known_patient WHERE id = ? AND last_name = 'Newname'", s.patient());
        // an older update arrives late: nothing changes
        FactsTopics.sendPatient(s.patient(), FactsTopics.updated(s.patient(), s.practice(),
                FactsTopics.demographics("Ana", "Oldname", LocalDate.of(1984, 3, 9)), 2));
        FactsTopics.sendPatient(s.patient(), FactsTopics.deceased(s.patient(), s.practice(), LocalDate.of(2026, 11, 25), 4));
        FactsTopics.await("SELECT 1 FROM known_patient WHERE id = ? AND deceased", s.patient());
        assertFalse(FactsTopics.exists("SELECT 1 FROM known_patient WHERE id = ? AND last_name = 'Oldname'", s.patient()));
        FactsTopics.sendEligibility(s.patient(), FactsTopics.coverageTerminated(s.coverage(), s.patient(), s.practice(),
                LocalDate.of(2026, 12, 31), 2));
        FactsTopics.await("SELECT 1 FROM known_coverage WHERE id = ? AND terminated", s.coverage());

        UUID duplicate = FactsTopics.patient(s.practice());
        FactsTopics.sendPatient(s.patient(), FactsTopics.merged(s.patient(), duplicate, s.practice(), 5, 2));
        FactsTopics.await("SELECT 1 FROM known_patient WHERE id = ? AND merged_into IS NOT NULL", duplicate);
        Map<String, Object> b = body(s);
        b.put("patientId", duplicate.toString());
        b.remove("coverageId");
        as("biller", s.practice()).body(b).post("/claims").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/patient-merged"))
                .body("survivorId", equalTo(s.patient().toString()));
    }

    @Test
    void anotherPracticesClaimIsNotFoundAndReadersCannotWrite() {
        Setup s = setup();
        String id = create(s);
        String stranger = ServiceRequests.practice();
        as("biller", stranger).get("/claims/" + id).then().statusCode(404);
        as("biller", stranger).get("/claims/" + id + "/history").then().statusCode(404);
        as("biller", stranger).contentType("application/merge-patch+json").body("{\"placeOfService\": \"22\"}")
                .patch("/claims/" + id).then().statusCode(404);
        as("biller", stranger).post("/claims/" + id + "/resubmit").then().statusCode(404);
        as("biller", stranger).queryParam("patientId", s.patient().toString()).get("/claims").then()
                .body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
        as("biller", s.practice()).body(body(s)).post("/claims").then().statusCode(201);
        for (String reader : List.of("registrar", "poster", "collector", "auditor")) {
            as(reader, s.practice()).get("/claims/" + id).then().statusCode(200);
            as(reader, s.practice()).body(body(s)).post("/claims").then().statusCode(403);
        }
        as("payment-partner", s.practice()).get("/claims/" + id).then().statusCode(403);
        assertNotNull(id);
    }
}
