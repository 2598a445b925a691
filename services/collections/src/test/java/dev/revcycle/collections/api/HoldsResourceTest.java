package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import dev.revcycle.collections.app.ExpiringHolds;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class HoldsResourceTest {
    static final LocalDate TODAY = LocalDate.now();
    static final String BANKRUPTCY = "{\"type\":\"BANKRUPTCY\",\"note\":\"notice by mail\",\"reference\":\"LTR-1\","
            + "\"bankruptcy\":{\"chapter\":7,\"caseNumber\":\"26-10442\",\"filingDate\":\"" + TODAY.minusDays(3) + "\"}}";

    @Test
    void eachTypeWithItsDetailsIsPlacedPublishedAndStopsCollection() {
        String p = practice();
        UUID account = Feeds.account(p, "120.00", "0.00", TODAY.minusDays(45));
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            String id = as("collector", p).body(BANKRUPTCY).post("/accounts/" + account + "/holds").then().statusCode(201)
                    .body("type", equalTo("BANKRUPTCY")).body("status", equalTo("ACTIVE"))
                    .body("bankruptcy.chapter", equalTo(7)).body("bankruptcy.caseNumber", equalTo("26-10442"))
                    .body("automatic", equalTo(false)).body("placedBy", equalTo("test-collector"))
                    .extract().path("id");
            TopicReader.Received placed = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, account.toString()));
            EventSchemas.assertValid("collections", placed.event());
            assertThat(placed.data().path("holdId").asText()).isEqualTo(id);
            assertThat(placed.raw()).doesNotContain("26-10442").doesNotContain("notice by mail");
            as("collector", p).body("""
                    {"type":"ATTORNEY","attorney":{"firm":"Hale & Ortiz LLP","contact":"J. Ortiz","letterOfProtection":true,
                     "expectedSettlementDate":"2027-06-30","expectedSettlementAmount":2500.00}}""")
                    .post("/accounts/" + account + "/holds").then().statusCode(201)
                    .body("attorney.letterOfProtection", equalTo(true)).body("attorney.expectedSettlementAmount", equalTo(2500.0f));
            as("admin", p).body("{\"type\":\"DISPUTE\",\"until\":\"" + TODAY.plusDays(30) + "\",\"dispute\":{\"disputed\":\"a lab charge\"}}")
                    .post("/accounts/" + account + "/holds").then().statusCode(201).body("until", equalTo(TODAY.plusDays(30).toString()));
            as("collector", p).body("{\"type\":\"PROBATE\",\"probate\":{\"estateContact\":\"executor M. Lopez\",\"claimDeadline\":\""
                    + TODAY.plusDays(90) + "\"}}").post("/accounts/" + account + "/holds").then().statusCode(201);
            as("collector", p).body("{\"type\":\"RETURNED_MAIL\"}").post("/accounts/" + account + "/holds").then().statusCode(201);
            assertThat(out.await(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, account.toString()), 5, Duration.ofSeconds(20))
                    .stream().map(r -> r.data().path("version").asLong()).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        as("biller", p).get("/accounts/" + account + "/collection-status").then().statusCode(200)
                .body("holds", hasSize(5)).body("nextAction.action", equalTo("HOLD"));
        // the dispute's end is counted: after it, four holds remain in effect
        as("biller", p).get("/accounts/" + account + "/collection-status?asOf=" + TODAY.plusDays(31)).then()
                .body("holds", hasSize(4));
        // a second active hold of a type is refused
        as("collector", p).body(BANKRUPTCY).post("/accounts/" + account + "/holds").then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/hold-already-active"));
    }

    @Test
    void aHoldAppliesToAZeroBalanceToo() {
        String p = practice();
        UUID account = Feeds.account(p, "0.00", "0.00", null);
        as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"the whole visit\"}}")
                .post("/accounts/" + account + "/holds").then().statusCode(201);
        as("collector", p).get("/accounts/" + account + "/collection-status").then().body("holds", hasSize(1))
                .body("bucket", nullValue()).body("nextAction.action", equalTo("HOLD"));
    }

    @Test
    void detailsAreValidatedPerType() {
        String p = practice();
        UUID account = Feeds.account(p, "10.00", "0.00", TODAY);
        String path = "/accounts/" + account + "/holds";
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"BANKRUPTCY\"}").post(path),
                "bankruptcy", "required for a BANKRUPTCY hold");
        Response bad = as("collector", p).body("{\"type\":\"BANKRUPTCY\",\"bankruptcy\":{\"chapter\":9,\"filingDate\":\""
                + TODAY.plusDays(1) + "\"},\"dispute\":{\"disputed\":\"x\"}}").post(path);
        ProblemAssertions.assertFieldRefused(bad, "bankruptcy.chapter", "7, 11 or 13");
        ProblemAssertions.assertFieldRefused(bad, "bankruptcy.caseNumber", "required");
        ProblemAssertions.assertFieldRefused(bad, "bankruptcy.filingDate", "future");
        ProblemAssertions.assertFieldRefused(bad, "dispute", "only for a DISPUTE hold");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"PROBATE\",\"probate\":{}}").post(path),
                "probate.estateContact", "required");
        Response attorney = as("collector", p).body("{\"type\":\"ATTORNEY\",\"attorney\":{\"firm\":\"F\",\"expectedSettlementAmount\":-5}}").post(path);
        ProblemAssertions.assertFieldRefused(attorney, "attorney.contact", "required");
        ProblemAssertions.assertFieldRefused(attorney, "attorney.letterOfProtection", "required");
        ProblemAssertions.assertFieldRefused(attorney, "attorney.expectedSettlementAmount", "above zero");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\" \"}}").post(path),
                "dispute.disputed", "required");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"RETURNED_MAIL\",\"until\":\"" + TODAY.minusDays(1)
                + "\",\"probate\":{\"estateContact\":\"x\"}}").post(path), "until", "today or later");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"VACATION\"}").post(path), "type", "one of");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"note\":\"x\"}").post(path), "type", "required");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"x\"},"
                + "\"reference\":\"" + "x".repeat(61) + "\"}").post(path), "reference", "1-60");
        as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"x\"},\"extra\":1}").post(path).then().statusCode(400);
        as("collector", p).get(path).then().body("$", hasSize(0));
    }

    @Test
    void releaseEndsAHoldWithAReasonOnce() {
        String p = practice();
        UUID account = Feeds.account(p, "60.00", "0.00", TODAY.minusDays(20));
        String id = as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"a charge\"}}")
                .post("/accounts/" + account + "/holds").then().statusCode(201).extract().path("id");
        String path = "/accounts/" + account + "/holds/" + id;
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{}").delete(path), "reason", "required");
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            as("collector", p).body("{\"reason\":\"explained by phone\"}").delete(path).then().statusCode(200)
                    .body("status", equalTo("RELEASED")).body("releaseReason", equalTo("RELEASED"))
                    .body("releaseNote", equalTo("explained by phone")).body("releasedBy", equalTo("test-collector"));
            TopicReader.Received released = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_RELEASED, account.toString()));
            EventSchemas.assertValid("collections", released.event());
            assertThat(released.raw()).doesNotContain("explained by phone");
        }
        as("collector", p).body("{\"reason\":\"again\"}").delete(path).then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/hold-not-active"));
        as("collector", p).get("/accounts/" + account + "/collection-status").then().body("holds", hasSize(0))
                .body("nextAction.action", equalTo("SEND_STATEMENT"));
        as("collector", p).body("{\"reason\":\"x\"}").delete("/accounts/" + account + "/holds/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Inject
    ExpiringHolds expiring;

    @Inject
    AgroalDataSource db;

    @Test
    void aHoldPastItsEndDateIsReleasedOnceByTheDailyJobAndTheAccountComesBackToTheQueue() throws Exception {
        String p = practice();
        UUID account = Feeds.account(p, "200.00", "0.00", TODAY.minusDays(120));
        String id = as("collector", p).body("{\"type\":\"ATTORNEY\",\"until\":\"" + TODAY + "\",\"attorney\":{\"firm\":\"Lee & Co\","
                + "\"contact\":\"J. Lee\",\"letterOfProtection\":true}}").post("/accounts/" + account + "/holds")
                .then().statusCode(201).extract().path("id");
        String queue = "/work-queue?practiceId=" + p + "&asOf=" + TODAY;
        as("collector", p).get(queue).then().statusCode(200).body("items", hasSize(0));
        // its last day was yesterday
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE collection_hold SET until = ? WHERE id = ?")) {
            s.setObject(1, TODAY.minusDays(1));
            s.setObject(2, UUID.fromString(id));
            s.executeUpdate();
        }
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            assertThat(expiring.expire(TODAY)).isGreaterThanOrEqualTo(1);
            TopicReader.Received released = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_RELEASED, account.toString()));
            EventSchemas.assertValid("collections", released.event());
            assertThat(released.raw()).contains("\"reason\":\"EXPIRED\"").contains(id);
            // run again (the next day's run, a restart): nothing released twice
            expiring.expire(TODAY);
            assertThat(out.drain(TopicReader.ofType(EventTypes.COLLECTION_HOLD_RELEASED, account.toString()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        as("collector", p).get("/accounts/" + account + "/holds/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("releaseReason", equalTo("EXPIRED"))
                .body("releasedBy", equalTo("hold-expiry"));
        as("collector", p).get("/accounts/" + account + "/collection-status").then().body("holds", hasSize(0));
        // the release recomputed the account's place in the queue already built for today
        as("collector", p).get(queue).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].accountId", equalTo(account.toString())).body("items[0].reason", equalTo("OVER_90_DAYS"));
    }

    @Test
    void aBankruptcyDischargeWritesThePatientBalanceOffOnce() {
        String p = practice();
        UUID account = Feeds.account(p, "412.50", "100.00", TODAY.minusDays(200));
        String id = as("collector", p).body(BANKRUPTCY).post("/accounts/" + account + "/holds").then().statusCode(201)
                .extract().path("id");
        String path = "/accounts/" + account + "/holds/" + id + "/discharge";
        String body = "{\"dischargedOn\":\"" + TODAY + "\",\"note\":\"order received\"}";
        as("collector", p).body(body).post(path).then().statusCode(400)
                .body("type", equalTo("https://revcycle.dev/problems/idempotency-key-missing"));
        ProblemAssertions.assertFieldRefused(as("collector", p).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"dischargedOn\":\"" + TODAY.minusDays(10) + "\"}").post(path), "dischargedOn", "filing date");
        String key = UUID.randomUUID().toString();
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            String request = as("collector", p).header("Idempotency-Key", key).body(body).post(path).then().statusCode(200)
                    .body("hold.status", equalTo("DISCHARGED")).body("hold.dischargedOn", equalTo(TODAY.toString()))
                    .body("writtenOff", equalTo(412.5f)).extract().path("writeOffRequestId");
            // the same key and body: the first answer again, nothing twice
            as("collector", p).header("Idempotency-Key", key).body(body).post(path).then().statusCode(200)
                    .body("writeOffRequestId", equalTo(request));
            as("collector", p).header("Idempotency-Key", key).body("{\"dischargedOn\":\"" + TODAY + "\"}").post(path)
                    .then().statusCode(422);
            TopicReader.Received writeOff = out.awaitOne(TopicReader.ofType(EventTypes.WRITE_OFF_REQUESTED, account.toString()));
            EventSchemas.assertValid("payments", writeOff.event());
            assertThat(writeOff.data().path("kind").asText()).isEqualTo("BAD_DEBT");
            assertThat(writeOff.data().path("amount").decimalValue()).isEqualByComparingTo("412.50");
            assertThat(writeOff.data().path("requestId").asText()).isEqualTo(request);
            TopicReader.Received released = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_RELEASED, account.toString()));
            EventSchemas.assertValid("collections", released.event());
            assertThat(released.data().path("reason").asText()).isEqualTo("DISCHARGED");
            assertThat(released.data().path("writeOffRequestId").asText()).isEqualTo(request);
            assertThat(out.drain(TopicReader.ofType(EventTypes.WRITE_OFF_REQUESTED, account.toString()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        as("collector", p).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path).then()
                .statusCode(409);
        // another type of hold is not discharged
        String dispute = as("collector", p).body("{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"x\"}}")
                .post("/accounts/" + account + "/holds").then().statusCode(201).extract().path("id");
        as("collector", p).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/accounts/" + account + "/holds/" + dispute + "/discharge").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/not-a-bankruptcy-hold"));
    }

    @Test
    void aDischargeWithNothingOwedAsksNoWriteOff() {
        String p = practice();
        UUID account = Feeds.account(p, "0.00", "50.00", TODAY.minusDays(10));
        String id = as("collector", p).body(BANKRUPTCY).post("/accounts/" + account + "/holds").then().extract().path("id");
        as("admin", p).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"dischargedOn\":\"" + TODAY + "\"}")
                .post("/accounts/" + account + "/holds/" + id + "/discharge").then().statusCode(200)
                .body("writeOffRequestId", nullValue()).body("writtenOff", equalTo(0.0f));
    }

    @Test
    void rolesAndAnotherPracticesAccount() {
        String p = practice();
        UUID account = Feeds.account(p, "10.00", "0.00", TODAY);
        String path = "/accounts/" + account + "/holds";
        String dispute = "{\"type\":\"DISPUTE\",\"dispute\":{\"disputed\":\"x\"}}";
        as("biller", p).body(dispute).post(path).then().statusCode(403);
        as("auditor", p).body(dispute).post(path).then().statusCode(403);
        as("registrar", p).get(path).then().statusCode(403);
        as("collector", "other").body(dispute).post(path).then().statusCode(404);
        as("collector", "other").get(path).then().statusCode(404);
        as("collector", "other").get("/accounts/" + account + "/collection-status").then().statusCode(404);
        as("collector", p).get("/accounts/" + UUID.randomUUID() + "/collection-status").then().statusCode(404);
        as("biller", p).get(path).then().statusCode(200);
        as("auditor", p).get("/accounts/" + account + "/collection-status").then().statusCode(200);
        as("collector", p).get("/accounts/" + account + "/collection-status?asOf=tomorrow").then().statusCode(400);
    }
}
