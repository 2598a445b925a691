package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.payments.domain.Signatures;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.Concurrently;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger from what a user sees: balances, entries, events; the invariant (verify) after every scenario. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class LedgerTest {
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    @Inject
    AgroalDataSource db;

    static UUID account(String practice) {
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        return Topics2.accountOf(patient, practice);
    }

    static Map<String, Object> account(String practice, UUID id) {
        return as("poster", practice).get("/accounts/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    static void awaitBalance(String practice, UUID id, String balance) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = as("poster", practice).get("/accounts/" + id).then().statusCode(200).extract().path("balance").toString();
            if (new java.math.BigDecimal(last).compareTo(new java.math.BigDecimal(balance)) == 0) {
                return;
            }
            Topics2.sleep();
        }
        throw new AssertionError("balance " + last + ", expected " + balance);
    }

    static void verified(String practice, UUID id) {
        as("auditor", practice).get("/accounts/" + id + "/verify").then().statusCode(200).body("consistent", equalTo(true));
    }

    static Map<String, Object> payment(String practice, UUID account, String amount, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("practiceId", practice);
        body.put("accountId", account.toString());
        body.put("amount", new java.math.BigDecimal(amount));
        body.put("method", "CARD");
        body.put("reference", reference);
        body.put("receivedAt", "2026-10-06T10:00:00Z");
        return body;
    }

    static UUID charged(String practice, UUID patient, String... amounts) {
        UUID claim = UUID.randomUUID();
        List<dev.revcycle.contracts.claims.ClaimLineCharge> lines = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            lines.add(Topics2.line(i + 1, amounts[i], DAY));
        }
        Topics2.claimCreated(claim, practice, patient, null, lines, null);
        return claim;
    }

    @Test
    void anAccountOpensAtZeroAndPublishesItsBalances() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            Topics2.registered(patient, practice);
            UUID id = Topics2.accountOf(patient, practice);
            var event = reader.awaitOne(TopicReader.ofType(EventTypes.ACCOUNT_BALANCE_CHANGED, id.toString()));
            EventSchemas.assertValid("payments", event.event());
            assertThat(event.key()).isEqualTo(id.toString());
            assertThat(event.data().path("balance").decimalValue()).isZero();
            assertThat(event.data().path("version").asLong()).isEqualTo(1);
            as("biller", practice).get("/accounts?patientId=" + patient + "&practiceId=" + practice).then().statusCode(200)
                    .body("[0].id", equalTo(id.toString())).body("[0].creditBalance", equalTo(0.0f));
            as("poster", "other-practice").get("/accounts/" + id).then().statusCode(404);
            verified(practice, id);
        }
    }

    @Test
    void chargesFollowTheClaimAndAChangeReversesThem() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID id = Topics2.accountOf(patient, practice);
        UUID claim = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            Topics2.claimCreated(claim, practice, patient, UUID.randomUUID(),
                    List.of(Topics2.line(1, "100.00", DAY), Topics2.line(2, "50.00", DAY)), null);
            awaitBalance(practice, id, "150.00");
            var charges = reader.await(TopicReader.ofType(EventTypes.CHARGE_POSTED, id.toString()), 2, Duration.ofSeconds(20));
            charges.forEach(c -> EventSchemas.assertValid("payments", c.event()));
        }
        Map<String, Object> a = account(practice, id);
        assertThat(a.get("insuranceBalance").toString()).isEqualTo("150.0");
        assertThat(a.get("oldestOpenServiceDate")).isEqualTo(DAY.toString());
        Topics2.claimChanged(claim, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "80.00", DAY)), 2);
        awaitBalance(practice, id, "80.00");
        as("poster", practice).get("/accounts/" + id + "/ledger").then().statusCode(200)
                .body("total", equalTo(5)).body("items[0].type", equalTo("CHARGE"));
        // a secondary claim made from this one posts nothing
        Topics2.claimCreated(UUID.randomUUID(), practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "80.00", DAY)), claim);
        // a claim for a patient not known yet waits, then posts when the account opens
        UUID later = UUID.randomUUID();
        UUID laterClaim = charged(practice, later, "30.00");
        Topics2.registered(later, practice);
        UUID laterAccount = Topics2.accountOf(later, practice);
        awaitBalance(practice, laterAccount, "30.00");
        assertThat(account(practice, id).get("balance").toString()).isEqualTo("80.0");
        verified(practice, id);
        verified(practice, laterAccount);
        assertThat(laterClaim).isNotNull();
    }

    @Test
    void aPaymentGoesToTheOldestBalanceThenToCreditAndIsReversible() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID id = Topics2.accountOf(patient, practice);
        charged(practice, patient, "40.00");
        awaitBalance(practice, id, "40.00");
        String paymentId;
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            paymentId = as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(payment(practice, id, "55.00", "r-" + UUID.randomUUID())).post("/payments").then().statusCode(201)
                    .body("applied", equalTo(40.0f)).body("credited", equalTo(15.0f)).extract().path("id");
            reader.await(TopicReader.ofType(EventTypes.PAYMENT_POSTED, id.toString()), 2, Duration.ofSeconds(20))
                    .forEach(e -> EventSchemas.assertValid("payments", e.event()));
        }
        Map<String, Object> a = account(practice, id);
        assertThat(a.get("creditBalance").toString()).isEqualTo("15.0");
        assertThat(a.get("patientBalance").toString()).isEqualTo("0.0");
        as("poster", practice).queryParam("practiceId", practice).get("/credit-balances").then().statusCode(200)
                .body("items[0].id", equalTo(id.toString()));
        // a refund above the credit is refused, within it posts
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountId", id.toString(), "amount", 20.00, "reason", "overpaid", "payee", "PATIENT"))
                .post("/refunds").then().statusCode(422);
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("accountId", id.toString(), "amount", 15.00, "reason", "overpaid", "payee", "PATIENT"))
                    .post("/refunds").then().statusCode(201);
            EventSchemas.assertValid("payments",
                    reader.awaitOne(TopicReader.ofType(EventTypes.REFUND_ISSUED, id.toString())).event());
        }
        assertThat(account(practice, id).get("balance").toString()).isEqualTo("0.0");
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            as("poster", practice).body(Map.of("reason", "returned check")).post("/payments/" + paymentId + "/reversal")
                    .then().statusCode(200).body("status", equalTo("REVERSED"));
            EventSchemas.assertValid("payments",
                    reader.awaitOne(TopicReader.ofType(EventTypes.PAYMENT_REVERSED, id.toString())).event());
        }
        as("poster", practice).body(Map.of("reason", "again")).post("/payments/" + paymentId + "/reversal").then().statusCode(409);
        assertThat(account(practice, id).get("balance").toString()).isEqualTo("55.0");
        verified(practice, id);
    }

    @Test
    void badAmountsAndOtherPracticesAreRefused() {
        String practice = practice();
        UUID id = account(practice);
        for (Object amount : List.of(0, -5, 1.005)) {
            Map<String, Object> body = payment(practice, id, "1.00", "r-" + UUID.randomUUID());
            body.put("amount", amount);
            as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/payments")
                    .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        }
        as("poster", practice).body(payment(practice, id, "1.00", "r-1")).post("/payments").then().statusCode(400);
        as("poster", "elsewhere").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("elsewhere", id, "1.00", "r-2")).post("/payments").then().statusCode(404);
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(practice, UUID.randomUUID(), "1.00", "r-3")).post("/payments").then().statusCode(404);
        as("biller", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(practice, id, "1.00", "r-4")).post("/payments").then().statusCode(403);
        assertThat(account(practice, id).get("balance").toString()).isEqualTo("0.0");
        verified(practice, id);
    }

    @Test
    void fiftyParallelPaymentsToOneAccountAllCount() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID id = Topics2.accountOf(patient, practice);
        charged(practice, patient, "1000.00");
        awaitBalance(practice, id, "1000.00");
        List<Integer> statuses = Concurrently.run(50, i -> as("poster", practice)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(practice, id, "3.00", "par-" + i + "-" + id)).post("/payments").statusCode());
        assertThat(statuses).containsOnly(201);
        Map<String, Object> a = account(practice, id);
        assertThat(a.get("balance").toString()).isEqualTo("850.0");
        assertThat(((Number) a.get("version")).longValue()).isEqualTo(1 + 1 + 50);
        verified(practice, id);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyPostOnce() {
        String practice = practice();
        UUID id = account(practice);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = payment(practice, id, "7.00", "same-" + UUID.randomUUID());
        List<Response> answers = Concurrently.run(20, i -> as("poster", practice).header("Idempotency-Key", key).body(body)
                .post("/payments"));
        Set<Integer> statuses = new java.util.HashSet<>();
        answers.forEach(r -> statuses.add(r.statusCode()));
        assertThat(statuses).isSubsetOf(Set.of(201, 409));
        Response again = as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments");
        assertThat(again.statusCode()).isEqualTo(201);
        for (Response r : answers) {
            if (r.statusCode() == 201) {
                assertThat(r.jsonPath().getString("id")).isEqualTo(again.jsonPath().getString("id"));
            }
        }
        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", 8.00);
        as("poster", practice).header("Idempotency-Key", key).body(other).post("/payments").then().statusCode(422);
        // the same reference under a new key is the second guard
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/payments")
                .then().statusCode(409).body("paymentId", equalTo(again.jsonPath().getString("id")));
        assertThat(account(practice, id).get("creditBalance").toString()).isEqualTo("7.0");
        verified(practice, id);
    }

    @Test
    void aSigningPartnerMustSign() {
        String practice = practice();
        UUID id = account(practice);
        Response partner = as("admin").body(Map.of("name", "Pay Co", "practices", List.of(practice), "signing", true))
                .post("/partners");
        partner.then().statusCode(201);
        String partnerId = partner.jsonPath().getString("id");
        String secret = partner.jsonPath().getString("secret");
        String token = TestTokens.token(partnerId, Set.of("payment-partner"), List.of(practice));
        String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(payment(practice, id, "5.00", "sig-1")).toString();
        long now = System.currentTimeMillis() / 1000;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k1").body(body)
                .post("/payments").then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k2").body(body)
                .header("Revcycle-Signature", "t=" + now + ",v1=" + Signatures.sign("wrong", now, bytes))
                .post("/payments").then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k3").body(body)
                .header("Revcycle-Signature", "t=" + (now - 301) + ",v1=" + Signatures.sign(secret, now - 301, bytes))
                .post("/payments").then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k4").body(body)
                .header("Revcycle-Signature", "t=" + now + ",v1=" + Signatures.sign(secret, now, bytes))
                .post("/payments").then().statusCode(201).body("partnerId", equalTo(partnerId));
        // rotated: the old secret no longer works
        String rotated = as("admin").post("/partners/" + partnerId + "/secret").then().statusCode(200).extract().path("secret");
        assertThat(rotated).isNotEqualTo(secret);
        String body2 = body.replace("sig-1", "sig-2");
        byte[] bytes2 = body2.getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k5").body(body2)
                .header("Revcycle-Signature", "t=" + now + ",v1=" + Signatures.sign(secret, now, bytes2))
                .post("/payments").then().statusCode(401);
        assertThat(account(practice, id).get("creditBalance").toString()).isEqualTo("5.0");
        verified(practice, id);
    }

    @Test
    void writeOffsOncePerRequestAndBadDebtIsRecoveredFirst() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID id = Topics2.accountOf(patient, practice);
        charged(practice, patient, "60.00");
        awaitBalance(practice, id, "60.00");
        UUID request = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            Topics2.writeOff(request, id, practice, "60.00", "BAD_DEBT");
            Topics2.writeOff(request, id, practice, "60.00", "BAD_DEBT");
            awaitBalance(practice, id, "0.00");
            var writeOff = reader.awaitOne(TopicReader.ofType(EventTypes.ADJUSTMENT_POSTED, id.toString()));
            EventSchemas.assertValid("payments", writeOff.event());
            assertThat(writeOff.data().path("kind").asText()).isEqualTo("WRITE_OFF");
        }
        as("poster", practice).get("/accounts/" + id + "/ledger").then().body("total", equalTo(2));
        // a later payment recovers the bad debt before any credit
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(practice, id, "70.00", "rec-" + id)).post("/payments").then().statusCode(201)
                .body("recovered", equalTo(60.0f)).body("credited", equalTo(10.0f));
        Map<String, Object> a = account(practice, id);
        assertThat(a.get("creditBalance").toString()).isEqualTo("10.0");
        verified(practice, id);
        // a write-off and its reversal on another account
        UUID patient2 = UUID.randomUUID();
        Topics2.registered(patient2, practice);
        UUID id2 = Topics2.accountOf(patient2, practice);
        charged(practice, patient2, "25.00");
        awaitBalance(practice, id2, "25.00");
        UUID small = UUID.randomUUID();
        Topics2.writeOff(small, id2, practice, "25.00", "SMALL_BALANCE");
        awaitBalance(practice, id2, "0.00");
        Topics2.writeOffReversal(UUID.randomUUID(), small, id2);
        awaitBalance(practice, id2, "25.00");
        verified(practice, id2);
    }

    @Test
    void aMergeMovesTheDuplicatesEntries() {
        String practice = practice();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Topics2.registered(survivor, practice);
        Topics2.registered(duplicate, practice);
        UUID s = Topics2.accountOf(survivor, practice);
        UUID d = Topics2.accountOf(duplicate, practice);
        charged(practice, duplicate, "45.00");
        awaitBalance(practice, d, "45.00");
        Topics2.merged(survivor, duplicate, practice);
        awaitBalance(practice, s, "45.00");
        assertThat(account(practice, d).get("balance").toString()).isEqualTo("0.0");
        assertThat(account(practice, d).get("mergedInto")).isEqualTo(s.toString());
        verified(practice, s);
        verified(practice, d);
    }

    @Test
    void aClosedMonthRefusesManualPostingsAndTheJournalBalances() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID id = Topics2.accountOf(patient, practice);
        charged(practice, patient, "90.00");
        awaitBalance(practice, id, "90.00");
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountId", id.toString(), "amount", 10.00, "responsibility", "PATIENT", "groupCode", "CO",
                        "reasonCode", "45", "effectiveDate", "2026-10-20")).post("/adjustments").then().statusCode(201);
        String close = as("poster", practice).body(Map.of("practiceId", practice, "month", "2026-10")).post("/period-closes")
                .then().statusCode(201).body("balanced", equalTo(true)).body("closingAr", equalTo(80.0f))
                .extract().path("id");
        as("poster", practice).body(Map.of("practiceId", practice, "month", "2026-10")).post("/period-closes")
                .then().statusCode(409);
        as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountId", id.toString(), "amount", 5.00, "responsibility", "PATIENT", "groupCode", "CO",
                        "reasonCode", "45", "effectiveDate", "2026-10-21")).post("/adjustments").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/period-closed"));
        // an event dated into the closed month posts into the first open month
        charged(practice, patient, "5.00");
        awaitBalance(practice, id, "85.00");
        as("auditor", practice).get("/period-closes/" + close).then().statusCode(200).body("balanced", equalTo(true))
                .body("closingAr", equalTo(80.0f));
        String csv = as("auditor", practice).get("/period-closes/" + close + "/journal.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("4000").contains("4100").contains("Closing A/R");
        as("auditor", "other").get("/period-closes/" + close).then().statusCode(404);
        verified(practice, id);
    }

    @Test
    void theLedgerIsAppendOnlyForTheServicesRole() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE ledger_entry SET amount = amount + 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM ledger_entry")).hasMessageContaining("append-only");
        }
    }
}
