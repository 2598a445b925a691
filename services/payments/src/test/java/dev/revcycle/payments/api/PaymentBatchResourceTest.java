package dev.revcycle.payments.api;

import static dev.revcycle.payments.api.LedgerTest.account;
import static dev.revcycle.payments.api.LedgerTest.awaitBalance;
import static dev.revcycle.payments.api.LedgerTest.charged;
import static dev.revcycle.payments.api.LedgerTest.verified;
import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.Concurrently;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lockbox files from what a poster sees: each line's outcome, the balances, the ledger, PaymentPosted on the topic;
 * the ledger invariant (verify) after every scenario.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PaymentBatchResourceTest {
    static final String HEADER = "lockbox,deposit_date,batch_id,item_id,account_id,patient_id,patient_control_number,amount,check_number,payer_name\n";

    static String line(String batch, String item, UUID account, UUID patient, String pcn, String amount) {
        return "4471,2026-11-30," + batch + "," + item + "," + (account == null ? "" : account) + ","
                + (patient == null ? "" : patient) + "," + (pcn == null ? "" : pcn) + "," + amount + ",10" + item
                + ",\"Lopez, Ana\"\n";
    }

    static Response upload(String practice, String csv) {
        return given().auth().oauth2(TestTokens.token("poster", practice)).contentType("text/csv").body(csv)
                .post("/payment-batches");
    }

    static JsonPath posted(String practice, String csv) {
        return upload(practice, csv).then().statusCode(201).extract().jsonPath();
    }

    static String balance(String practice, UUID id) {
        return new BigDecimal(account(practice, id).get("balance").toString()).setScale(2).toPlainString();
    }

    static int entries(String practice, UUID id) {
        return as("poster", practice).get("/accounts/" + id + "/ledger").then().statusCode(200).extract().path("total");
    }

    static String unique() {
        return "B" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aGoodFilePostsEachItemAsALockboxPaymentAppliedLikeAPartnerPayment() {
        String practice = practice();
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        UUID p3 = UUID.randomUUID();
        Topics2.registered(p1, practice);
        Topics2.registered(p2, practice);
        Topics2.registered(p3, practice);
        UUID a1 = Topics2.accountOf(p1, practice);
        UUID a2 = Topics2.accountOf(p2, practice);
        UUID a3 = Topics2.accountOf(p3, practice);
        charged(practice, p1, "40.00");
        charged(practice, p3, "30.00");
        UUID second = charged(practice, p3, "20.00");
        awaitBalance(practice, a1, "40.00");
        awaitBalance(practice, a3, "50.00");
        String batch = unique();
        String csv = HEADER + line(batch, "1", a1, null, null, "55.00")
                + line(batch, "2", null, p2, null, "20.00")
                + line(batch, "3", a3, null, "PCN" + second.toString().substring(0, 8), "25.00");
        JsonPath answer;
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            answer = posted(practice, csv);
            var events = reader.await(TopicReader.ofType(EventTypes.PAYMENT_POSTED, a1.toString()), 2, Duration.ofSeconds(20));
            for (var e : events) {
                EventSchemas.assertValid("payments", e.event());
                assertThat(e.data().path("method").asText()).isEqualTo("LOCKBOX");
                assertThat(e.data().path("source").asText()).isEqualTo("LOCKBOX");
                assertThat(e.data().path("paymentId").asText()).isEqualTo(answer.getString("lines[0].paymentId"));
            }
            assertThat(events.stream().map(e -> e.data().path("amount").decimalValue().setScale(2).toPlainString()))
                    .containsExactlyInAnyOrder("40.00", "15.00");
            EventSchemas.assertValid("payments", reader.awaitOne(
                    TopicReader.ofType(EventTypes.PAYMENT_POSTED, a2.toString())).event());
        }
        assertThat(answer.getString("status")).isEqualTo("COMPLETE");
        assertThat(answer.getInt("items")).isEqualTo(3);
        assertThat(answer.getInt("posted")).isEqualTo(3);
        assertThat(answer.getFloat("postedAmount")).isEqualTo(100.0f);
        assertThat(answer.getList("lines.outcome")).containsExactly("POSTED", "POSTED", "POSTED");
        assertThat(answer.getList("lines.line")).containsExactly(2, 3, 4);
        // a1: 40 to the oldest balance, 15 credit; a2 by patient id: all credit; a3: the coupon's claim first
        assertThat(answer.getFloat("lines[0].applied")).isEqualTo(40.0f);
        assertThat(answer.getFloat("lines[0].credited")).isEqualTo(15.0f);
        assertThat(answer.getString("lines[1].accountId")).isEqualTo(a2.toString());
        assertThat(answer.getFloat("lines[1].credited")).isEqualTo(20.0f);
        assertThat(answer.getFloat("lines[2].applied")).isEqualTo(25.0f);
        assertThat(balance(practice, a1)).isEqualTo("-15.00");
        assertThat(balance(practice, a2)).isEqualTo("-20.00");
        assertThat(balance(practice, a3)).isEqualTo("25.00");
        JsonPath payment = as("poster", practice).get("/payments/" + answer.getString("lines[2].paymentId")).then()
                .statusCode(200).body("method", equalTo("LOCKBOX")).extract().jsonPath();
        assertThat(payment.getString("entries.find { it.claimId == '" + second + "' }.amount")).isEqualTo("20.0");
        // the batch reads back with its lines; readers of the practice may read it, others not
        String id = answer.getString("id");
        as("biller", practice).get("/payment-batches/" + id).then().statusCode(200).body("posted", equalTo(3))
                .body("linesTotal", equalTo(3)).body("lines[1].paymentId", equalTo(answer.getString("lines[1].paymentId")))
                .body("lines[2].patientControlNumber", equalTo("PCN" + second.toString().substring(0, 8)));
        as("collector", practice).queryParam("outcome", "POSTED").queryParam("size", 2).get("/payment-batches/" + id)
                .then().statusCode(200).body("lines.size()", equalTo(2)).body("linesTotal", equalTo(3));
        as("poster", "other-practice").get("/payment-batches/" + id).then().statusCode(404);
        as("poster", practice).get("/payment-batches/" + UUID.randomUUID()).then().statusCode(404);
        as("poster", practice).queryParam("outcome", "LOST").get("/payment-batches/" + id).then().statusCode(400);
        verified(practice, a1);
        verified(practice, a2);
        verified(practice, a3);
    }

    @Test
    void theSameFileTwicePostsNothingTwiceAndAReusedReferenceWaitsForAPoster() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID a = Topics2.accountOf(patient, practice);
        charged(practice, patient, "40.00");
        awaitBalance(practice, a, "40.00");
        String batch = unique();
        String csv = HEADER + line(batch, "1", a, null, null, "10.00") + line(batch, "2", a, null, null, "5.00");
        JsonPath first = posted(practice, csv);
        assertThat(first.getInt("posted")).isEqualTo(2);
        int entries = entries(practice, a);
        JsonPath again = posted(practice, csv);
        assertThat(again.getString("id")).isNotEqualTo(first.getString("id"));
        assertThat(again.getInt("posted")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(2);
        assertThat(again.getList("lines.outcome")).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(again.getList("lines.paymentId")).isEqualTo(first.getList("lines.paymentId"));
        assertThat(balance(practice, a)).isEqualTo("25.00");
        assertThat(entries(practice, a)).isEqualTo(entries);
        // the next day's file repeats item 2 with another amount and brings a new item: the new one posts
        JsonPath overlap = posted(practice, HEADER + line(batch, "2", a, null, null, "6.00") + line(batch, "3", a, null, null, "4.00"));
        assertThat(overlap.getList("lines.outcome")).containsExactly("REJECTED", "POSTED");
        assertThat(overlap.getString("lines[0].reasonCode")).isEqualTo("item-reference-reused");
        assertThat(overlap.getString("lines[0].paymentId")).isEqualTo(first.getString("lines[1].paymentId"));
        assertThat(balance(practice, a)).isEqualTo("21.00");
        verified(practice, a);
    }

    @Test
    void theSameFilePostedTwiceAtOnceStillPostsEachItemOnce() {
        String practice = practice();
        UUID a = account(practice);
        String batch = unique();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20; i++) {
            csv.append(line(batch, String.valueOf(i), a, null, null, "1.00"));
        }
        List<Response> answers = Concurrently.run(2, i -> upload(practice, csv.toString()));
        int posted = 0;
        int duplicates = 0;
        for (Response r : answers) {
            assertThat(r.statusCode()).isEqualTo(201);
            posted += r.jsonPath().getInt("posted");
            duplicates += r.jsonPath().getInt("duplicates");
        }
        assertThat(posted).isEqualTo(20);
        assertThat(duplicates).isEqualTo(20);
        assertThat(balance(practice, a)).isEqualTo("-20.00");
        assertThat(entries(practice, a)).isEqualTo(20);
        verified(practice, a);
    }

    @Test
    void aLineRepeatedInsideOneFileIsADuplicateOfTheFirst() {
        String practice = practice();
        UUID a = account(practice);
        String batch = unique();
        JsonPath answer = posted(practice, HEADER + line(batch, "1", a, null, null, "12.00")
                + line(batch, "1", a, null, null, "12.00") + line(batch, "1", a, null, null, "13.00"));
        assertThat(answer.getList("lines.outcome")).containsExactly("POSTED", "DUPLICATE", "REJECTED");
        assertThat(answer.getString("lines[1].paymentId")).isEqualTo(answer.getString("lines[0].paymentId"));
        assertThat(answer.getString("lines[2].reasonCode")).isEqualTo("item-reference-reused");
        assertThat(answer.getFloat("postedAmount")).isEqualTo(12.0f);
        assertThat(balance(practice, a)).isEqualTo("-12.00");
        // the same item on another deposit date is another item (banks number batches per day)
        JsonPath nextDay = posted(practice, HEADER + line(batch, "1", a, null, null, "12.00").replace("2026-11-30", "2026-12-01"));
        assertThat(nextDay.getList("lines.outcome")).containsExactly("POSTED");
        assertThat(balance(practice, a)).isEqualTo("-24.00");
        verified(practice, a);
    }

    @Test
    void aMalformedFileIsA422NamingLineAndColumnAndPostsNothing() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID a = Topics2.accountOf(patient, practice);
        charged(practice, patient, "40.00");
        awaitBalance(practice, a, "40.00");
        int entries = entries(practice, a);
        String batch = unique();
        String good = line(batch, "1", a, null, null, "10.00");
        String bad = line(batch, "2", a, null, null, "10.00");
        Map<String, Object[]> variants = new java.util.LinkedHashMap<>();
        variants.put("three decimals", new Object[] {HEADER + good + bad.replace("10.00", "10.005"), 3, "amount"});
        variants.put("zero", new Object[] {HEADER + good + bad.replace("10.00", "0.00"), 3, "amount"});
        variants.put("negative", new Object[] {HEADER + good + bad.replace("10.00", "-10.00"), 3, "amount"});
        variants.put("not a number", new Object[] {HEADER + good + bad.replace("10.00", "ten"), 3, "amount"});
        variants.put("bad date", new Object[] {HEADER + good + bad.replace("2026-11-30", "2026-13-01"), 3, "deposit_date"});
        variants.put("unclosed quote", new Object[] {HEADER + good + bad.replace("\"Lopez, Ana\"", "\"Lopez, Ana"), 3, "payer_name"});
        variants.put("quote inside", new Object[] {HEADER + good + bad.replace("\"Lopez, Ana\"", "Lo\"pez"), 3, "payer_name"});
        variants.put("text after quote", new Object[] {HEADER + good + bad.replace("\"Lopez, Ana\"", "\"Lopez\" Ana"), 3, "payer_name"});
        variants.put("a value short", new Object[] {HEADER + good + bad.replace(",\"Lopez, Ana\"", ""), 3, "payer_name"});
        variants.put("not a uuid", new Object[] {HEADER + good + bad.replace(a.toString(), "ACC-1"), 3, "account_id"});
        variants.put("unknown column", new Object[] {HEADER.replace("check_number", "routing_number") + good, 1, "#9"});
        variants.put("missing column", new Object[] {HEADER.replace(",amount", "") + good.replace(",10.00", ""), 1, "amount"});
        variants.put("not csv", new Object[] {"{\"accountId\":\"" + a + "\",\"amount\":10.00}", 1, "#1"});
        for (var v : variants.entrySet()) {
            Object[] x = v.getValue();
            upload(practice, (String) x[0]).then().statusCode(422)
                    .body("type", equalTo("https://revcycle.dev/problems/malformed-lockbox-file"))
                    .body("line", equalTo(x[1])).body("column", equalTo(x[2]))
                    .body("errors[0].line", equalTo(x[1]));
        }
        upload(practice, "").then().statusCode(422).body("line", equalTo(1));
        given().auth().oauth2(TestTokens.token("poster", practice)).contentType("application/octet-stream")
                .body(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1}).post("/payment-batches").then().statusCode(415);
        given().auth().oauth2(TestTokens.token("poster", practice)).contentType("text/csv")
                .body(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1}).post("/payment-batches").then().statusCode(422)
                .body("line", equalTo(1));
        // nothing of any of them reached the ledger; the good line of each is still postable
        assertThat(entries(practice, a)).isEqualTo(entries);
        assertThat(balance(practice, a)).isEqualTo("40.00");
        assertThat(posted(practice, HEADER + good).getList("lines.outcome")).containsExactly("POSTED");
        assertThat(balance(practice, a)).isEqualTo("30.00");
        verified(practice, a);
    }

    @Test
    void unknownAndOtherPracticesAccountsAreRejectedLinesAndTheOthersPost() {
        String practice = practice();
        String other = practice();
        UUID a = account(practice);
        UUID otherPatient = UUID.randomUUID();
        Topics2.registered(otherPatient, other);
        UUID elsewhere = Topics2.accountOf(otherPatient, other);
        UUID mismatch = UUID.randomUUID();
        Topics2.registered(mismatch, practice);
        Topics2.accountOf(mismatch, practice);
        String batch = unique();
        JsonPath answer = posted(practice, HEADER + line(batch, "1", UUID.randomUUID(), null, null, "9.00")
                + line(batch, "2", elsewhere, null, null, "8.00")
                + line(batch, "3", null, otherPatient, null, "7.00")
                + line(batch, "4", a, null, null, "6.00")
                + line(batch, "5", a, mismatch, null, "5.00"));
        assertThat(answer.getList("lines.outcome")).containsExactly("REJECTED", "REJECTED", "REJECTED", "POSTED", "REJECTED");
        assertThat(answer.getList("lines.reasonCode")).containsExactly("account-not-found", "account-not-found",
                "account-not-found", null, "account-mismatch");
        assertThat(answer.getInt("rejected")).isEqualTo(4);
        assertThat(answer.getString("lines[1].accountId")).isNull();
        assertThat(answer.getString("lines[1].reason")).doesNotContain(other);
        assertThat(balance(practice, a)).isEqualTo("-6.00");
        assertThat(balance(other, elsewhere)).isEqualTo("0.00");
        assertThat(entries(other, elsewhere)).isZero();
        as("poster", practice).queryParam("outcome", "REJECTED").get("/payment-batches/" + answer.getString("id"))
                .then().statusCode(200).body("lines.size()", equalTo(4)).body("linesTotal", equalTo(4))
                .body("lines[0].fileAccountId", equalTo(answer.getString("lines[0].fileAccountId")));
        // a rejected item is not taken: once its account is known (here: the right practice) it posts
        JsonPath later = posted(other, HEADER + line(batch, "2", elsewhere, null, null, "8.00"));
        assertThat(later.getList("lines.outcome")).containsExactly("POSTED");
        verified(practice, a);
        verified(other, elsewhere);
    }

    @Test
    void onlyPostersAndAdminsPostAndOnlyForTheirPractice() {
        String practice = practice();
        UUID a = account(practice);
        String csv = HEADER + line(unique(), "1", a, null, null, "3.00");
        for (String role : List.of("collector", "payment-partner", "biller", "auditor")) {
            given().auth().oauth2(TestTokens.token(role, practice)).contentType("text/csv").body(csv)
                    .post("/payment-batches").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token(UUID.randomUUID().toString(), Set.of("payment-partner"), List.of(practice)))
                .contentType("text/csv").body(csv).post("/payment-batches").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("poster", "elsewhere")).contentType("text/csv").body(csv)
                .queryParam("practiceId", practice).post("/payment-batches").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("poster", practice, "second")).contentType("text/csv").body(csv)
                .post("/payment-batches").then().statusCode(400).body("errors[0].field", equalTo("practiceId"));
        given().contentType("text/csv").body(csv).post("/payment-batches").then().statusCode(401);
        assertThat(entries(practice, a)).isZero();
        given().auth().oauth2(TestTokens.token("admin", practice, "second")).contentType("text/csv").body(csv)
                .queryParam("practiceId", practice).post("/payment-batches").then().statusCode(201).body("posted", equalTo(1));
        verified(practice, a);
    }

    @Test
    void aLockboxPaymentRecoversBadDebtFirst() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID a = Topics2.accountOf(patient, practice);
        charged(practice, patient, "60.00");
        awaitBalance(practice, a, "60.00");
        Topics2.writeOff(UUID.randomUUID(), a, practice, "60.00", "BAD_DEBT");
        awaitBalance(practice, a, "0.00");
        JsonPath answer = posted(practice, HEADER + line(unique(), "1", a, null, null, "70.00"));
        assertThat(answer.getFloat("lines[0].recovered")).isEqualTo(60.0f);
        assertThat(answer.getFloat("lines[0].credited")).isEqualTo(10.0f);
        assertThat(account(practice, a).get("creditBalance").toString()).isEqualTo("10.0");
        verified(practice, a);
    }

    static List<String> ids(JsonPath p) {
        return new ArrayList<>(p.getList("lines.paymentId"));
    }
}
