package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.payments.app.Coverages;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.Concurrently;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 835 ERA posting as a poster sees it: the answer, the balances, the ledger, the events on the topic (validated by
 * their schemas), unapplied cash, PLB in the month-end journal, refusals that post nothing, and the ledger invariant
 * ({@code verify}) after every scenario. Claims and accounts come from patients' and claims' events, as in LedgerTest.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class RemittancePostingTest {
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    static final String X12 = "application/edi-x12";
    static final String PAYER = "1512345678";

    @Inject
    Coverages coverages;

    record Claim(UUID id, UUID account, UUID patient, String pcn) {
    }

    static Claim claim(String practice, UUID patient, String... amounts) {
        UUID claim = UUID.randomUUID();
        List<dev.revcycle.contracts.claims.ClaimLineCharge> lines = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            lines.add(Topics2.line(i + 1, amounts[i], DAY));
        }
        Topics2.claimCreated(claim, practice, patient, UUID.randomUUID(), lines, null);
        return new Claim(claim, Topics2.accountOf(patient, practice), patient, "PCN" + claim.toString().substring(0, 8));
    }

    static UUID patient(String practice) {
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        return patient;
    }

    static String trace() {
        return "T" + Math.abs(ThreadLocalRandom.current().nextLong()) % 1_000_000_000_000L;
    }

    /** A template of src/test/resources/x12 with its placeholders filled in. */
    static String x12(String template, Map<String, String> values) {
        try (InputStream in = RemittancePostingTest.class.getResourceAsStream("/x12/" + template)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            assertThat(text).doesNotContain("{PCN").doesNotContain("{TRACE}");
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response post(String practice, String body) {
        return given().auth().oauth2(TestTokens.token("poster", practice)).contentType(X12).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/remittances?practiceId=" + practice);
    }

    static BigDecimal money(String practice, UUID account, String field) {
        return new BigDecimal(as("poster", practice).get("/accounts/" + account).then().statusCode(200).extract()
                .path(field).toString()).setScale(2);
    }

    static void balances(String practice, UUID account, String insurance, String patient) {
        assertThat(money(practice, account, "insuranceBalance")).isEqualByComparingTo(insurance);
        assertThat(money(practice, account, "patientBalance")).isEqualByComparingTo(patient);
    }

    static int entries(String practice, UUID account) {
        return as("poster", practice).get("/accounts/" + account + "/ledger?size=200").then().statusCode(200)
                .extract().path("total");
    }

    static List<Map<String, Object>> ledger(String practice, UUID account) {
        return as("poster", practice).get("/accounts/" + account + "/ledger?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static JsonNode event(List<TopicReader.Received> events, UUID claimId) {
        return events.stream().filter(e -> e.data().path("claimId").asText().equals(claimId.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no RemittancePosted for the claim")).data();
    }

    @Test
    void aFileOfSeveralClaimsPostsPaymentsAdjustmentsTransfersAndADenialOnceAndPublishesPerClaim() {
        String practice = practice();
        UUID p1 = patient(practice);
        UUID p2 = patient(practice);
        Claim a = claim(practice, p1, "200.00", "100.00");
        Claim b = claim(practice, p1, "100.00");
        Claim c = claim(practice, p2, "80.00");
        LedgerTest.awaitBalance(practice, a.account(), "400.00");
        LedgerTest.awaitBalance(practice, c.account(), "80.00");
        String trace = trace();
        String file = x12("post_multi_claims.txt", Map.of("{PCN1}", a.pcn(), "{PCN2}", b.pcn(), "{PCN3}", c.pcn(),
                "{TRACE}", trace));
        Response first;
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            first = post(practice, file);
            first.then().statusCode(201).header("Location", containsString("/remittances/"))
                    .body("traceNumber", equalTo(trace)).body("payerId", equalTo(PAYER))
                    .body("payer", equalTo("SANDBOX HEALTH PLAN")).body("practiceId", equalTo(practice))
                    .body("paymentAmount", equalTo(230.0f)).body("paymentDate", equalTo("2026-11-30"))
                    .body("claims", equalTo(3)).body("claimsPosted", equalTo(3)).body("denials", equalTo(1))
                    .body("claimsUnmatched", equalTo(0)).body("adjustmentsTotal", equalTo(110.0f))
                    .body("patientResponsibilityTotal", equalTo(60.0f))
                    .body("patientResponsibilityTransferred", equalTo(60.0f)).body("warnings", empty());
            List<TopicReader.Received> forA = reader.await(TopicReader.ofType(EventTypes.REMITTANCE_POSTED,
                    a.account().toString()), 2, Duration.ofSeconds(20));
            List<TopicReader.Received> forC = reader.await(TopicReader.ofType(EventTypes.REMITTANCE_POSTED,
                    c.account().toString()), 1, Duration.ofSeconds(20));
            forA.forEach(e -> EventSchemas.assertValid("payments", e.event()));
            forC.forEach(e -> EventSchemas.assertValid("payments", e.event()));
            assertThat(forA.get(0).key()).isEqualTo(a.account().toString());
            JsonNode ea = event(forA, a.id());
            assertThat(ea.path("remittanceId").asText()).isEqualTo(first.jsonPath().getString("id"));
            assertThat(ea.path("patientControlNumber").asText()).isEqualTo(a.pcn());
            assertThat(ea.path("claimStatusCode").asText()).isEqualTo("1");
            assertThat(ea.path("payerClaimControlNumber").asText()).isEqualTo("PAYERCLM1");
            assertThat(ea.path("paidDate").asText()).isEqualTo("2026-11-30");
            assertThat(ea.path("paid").decimalValue()).isEqualByComparingTo("180");
            assertThat(ea.path("lines")).hasSize(2);
            assertThat(ea.path("lines").get(0).path("paid").decimalValue()).isEqualByComparingTo("120");
            assertThat(ea.path("lines").get(0).path("allowed").decimalValue()).isEqualByComparingTo("150");
            assertThat(ea.path("lines").get(0).path("claimLineId").asText()).isNotEmpty();
            assertThat(ea.path("lines").get(0).path("adjustments").toString()).contains("\"groupCode\":\"CO\"")
                    .contains("\"reasonCode\":\"45\"").contains("\"remarkCode\":\"N130\"");
            assertThat(ea.path("lines").get(1).path("patientResponsibility").decimalValue()).isEqualByComparingTo("10");
            JsonNode eb = event(forA, b.id());
            assertThat(eb.path("claimAdjustments").toString()).contains("\"groupCode\":\"PR\"").contains("\"reasonCode\":\"3\"");
            assertThat(event(forC, c.id()).path("claimStatusCode").asText()).isEqualTo("4");
            // AccountBalanceChanged for each touched account, the last one with the balances after the file
            List<TopicReader.Received> balance = reader.await(TopicReader.ofType(EventTypes.ACCOUNT_BALANCE_CHANGED,
                    a.account().toString()), 1, Duration.ofSeconds(20));
            balance.forEach(e -> EventSchemas.assertValid("payments", e.event()));
            assertThat(balance.get(balance.size() - 1).data().path("patientBalance").decimalValue()).isEqualByComparingTo("60");
            // the denial moved no money on C's account: no new version, the event carries the current one
            Object version = as("poster", practice).get("/accounts/" + c.account()).then().statusCode(200)
                    .extract().path("version");
            assertThat(event(forC, c.id()).path("version").asLong()).isEqualTo(((Number) version).longValue());
        }
        // claim A: 180 paid by line, CO-45 80 contractual, PR 40 to the patient; claim B: 50 paid, CO 30, PR-3 20
        balances(practice, a.account(), "0.00", "60.00");
        assertThat(entries(practice, a.account())).isEqualTo(3 + 9);
        List<Map<String, Object>> entriesA = ledger(practice, a.account());
        assertThat(entriesA).filteredOn(e -> "ADJUSTMENT".equals(e.get("type")))
                .allSatisfy(e -> assertThat(e.get("kind")).isEqualTo("CONTRACTUAL"));
        assertThat(entriesA).filteredOn(e -> "TRANSFER".equals(e.get("type"))).extracting(e -> e.get("responsibility"))
                .containsOnly("PATIENT");
        // the denial: no adjustment at all, the balance stays with insurance
        balances(practice, c.account(), "80.00", "0.00");
        assertThat(entries(practice, c.account())).isEqualTo(1);
        LedgerTest.verified(practice, a.account());
        LedgerTest.verified(practice, c.account());

        String id = first.jsonPath().getString("id");
        as("biller", practice).get("/remittances/" + id).then().statusCode(200)
                .body("remittance.id", equalTo(id)).body("total", equalTo(3)).body("claims", hasSize(3))
                .body("claims[0].outcome", equalTo("POSTED")).body("claims[0].claimId", equalTo(a.id().toString()))
                .body("claims[0].lines[0].claimLineId", notNullValue()).body("claims[0].entryIds", hasSize(6))
                .body("claims[2].outcome", equalTo("DENIED")).body("claims[2].adjustments", equalTo(0.0f));
        as("biller", "other-practice").get("/remittances/" + id).then().statusCode(404);

        // the same file again: the first answer, nothing posted again
        Response again = post(practice, file);
        again.then().statusCode(200);
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(entries(practice, a.account())).isEqualTo(12);
        balances(practice, a.account(), "0.00", "60.00");
        LedgerTest.verified(practice, a.account());
    }

    @Test
    void theSameFileConcurrentlyPostsOnceAndOtherSeparatorsAndABadBpr16AreRead() {
        String practice = practice();
        Claim b = claim(practice, patient(practice), "100.00");
        LedgerTest.awaitBalance(practice, b.account(), "100.00");
        String file = x12("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", b.pcn(), "{TRACE}", trace()));
        List<Response> answers = Concurrently.run(6, i -> post(practice, file));
        assertThat(answers.stream().map(Response::statusCode).collect(Collectors.toList()))
                .containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers.stream().map(r -> r.jsonPath().getString("id")).collect(Collectors.toSet())).hasSize(1);
        Response any = answers.get(0);
        // BPR16 20261340 is a warning, not a refusal: the payment date comes from DTM*405
        any.then().body("paymentDate", equalTo("2026-11-29")).body("warnings", hasItem(containsString("BPR16")))
                .body("claimsPosted", equalTo(1));
        balances(practice, b.account(), "0.00", "20.00");
        assertThat(entries(practice, b.account())).isEqualTo(1 + 3);
        LedgerTest.verified(practice, b.account());
    }

    @Test
    void withoutLineBreaksAndWithOtherDelimitersTheFilePostsTheSame() {
        String practice = practice();
        UUID p = patient(practice);
        Claim a = claim(practice, p, "200.00", "100.00");
        Claim b = claim(practice, p, "100.00");
        Claim c = claim(practice, p, "80.00");
        LedgerTest.awaitBalance(practice, a.account(), "480.00");
        String file = x12("post_multi_claims_no_line_breaks.txt", Map.of("{PCN1}", a.pcn(), "{PCN2}", b.pcn(),
                "{PCN3}", c.pcn(), "{TRACE}", trace()));
        assertThat(file).doesNotContain("\n").contains("|").contains("HC^99213^25");
        // the token names one practice: practiceId may be left out
        given().auth().oauth2(TestTokens.token("poster", practice)).contentType("text/plain").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/remittances").then().statusCode(201).body("practiceId", equalTo(practice))
                .body("claimsPosted", equalTo(3)).body("denials", equalTo(1)).body("adjustmentsTotal", equalTo(110.0f));
        balances(practice, a.account(), "80.00", "60.00");
        LedgerTest.verified(practice, a.account());
    }

    @Test
    void patientResponsibilityStaysWithInsuranceWhileALowerPriorityCoverageIsActive() {
        String practice = practice();
        UUID patient = patient(practice);
        CoveragesTest.coverage(UUID.randomUUID(), patient, practice, "ACME1", "PRIMARY", LocalDate.of(2026, 1, 1));
        CoveragesTest.coverage(UUID.randomUUID(), patient, practice, "BETA2", "SECONDARY", LocalDate.of(2026, 1, 1));
        CoveragesTest.await(() -> coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", DAY));
        Claim b = claim(practice, patient, "100.00");
        LedgerTest.awaitBalance(practice, b.account(), "100.00");
        Response r = post(practice, x12("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", b.pcn(), "{TRACE}", trace())));
        r.then().statusCode(201).body("patientResponsibilityTotal", equalTo(20.0f))
                .body("patientResponsibilityTransferred", equalTo(0.0f));
        // 100 − 50 paid − 30 CO-45; the PR-3 20 stays insurance responsibility for the secondary payer
        balances(practice, b.account(), "20.00", "0.00");
        as("poster", practice).get("/remittances/" + r.jsonPath().getString("id")).then().statusCode(200)
                .body("claims[0].patientResponsibilityKept", equalTo(true));
        assertThat(ledger(practice, b.account())).noneMatch(e -> "TRANSFER".equals(e.get("type")));
        LedgerTest.verified(practice, b.account());
    }

    @Test
    void aReversalUndoesTheEarlierPostingAndPlbIsAJournalLineOutsideAr() {
        String practice = practice();
        UUID patient = patient(practice);
        Claim b = claim(practice, patient, "100.00");
        Claim d = claim(practice, patient, "75.00");
        LedgerTest.awaitBalance(practice, b.account(), "175.00");
        post(practice, x12("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", b.pcn(), "{TRACE}", trace())))
                .then().statusCode(201);
        balances(practice, b.account(), "75.00", "20.00");
        Response reversal;
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            reversal = post(practice, x12("post_reversal_plb.txt", Map.of("{PCN2}", b.pcn(), "{PCN4}", d.pcn(),
                    "{TRACE}", trace())));
            reversal.then().statusCode(201).body("paymentAmount", equalTo(15.0f)).body("reversals", equalTo(1))
                    .body("claimsPosted", equalTo(2)).body("providerAdjustmentsTotal", equalTo(10.0f))
                    .body("providerAdjustments", hasSize(2))
                    .body("providerAdjustments.reasonCode", hasItem("L6")).body("providerAdjustments.reasonCode", hasItem("WO"))
                    .body("adjustmentsTotal", equalTo(-30.0f)).body("patientResponsibilityTransferred", equalTo(-20.0f));
            List<TopicReader.Received> events = reader.await(TopicReader.ofType(EventTypes.REMITTANCE_POSTED,
                    b.account().toString()), 2, Duration.ofSeconds(20));
            events.forEach(e -> EventSchemas.assertValid("payments", e.event()));
            assertThat(event(events, b.id()).path("claimStatusCode").asText()).isEqualTo("22");
            assertThat(event(events, b.id()).path("paid").decimalValue()).isEqualByComparingTo("-50");
            reader.await(TopicReader.ofType(EventTypes.ADJUSTMENT_POSTED, b.account().toString()), 3, Duration.ofSeconds(20))
                    .forEach(e -> EventSchemas.assertValid("payments", e.event()));
        }
        // B back to its charge with insurance; D paid in full
        balances(practice, b.account(), "100.00", "0.00");
        List<Map<String, Object>> reversals = ledger(practice, b.account()).stream()
                .filter(e -> "REVERSAL".equals(e.get("type"))).toList();
        assertThat(reversals).hasSize(3).allSatisfy(e -> assertThat(e.get("reversalOf")).isNotNull());
        LedgerTest.verified(practice, b.account());

        // PLB: its own journal line (1015), outside the patients' A/R: the journal still balances
        Map<String, Object> journal = as("poster", practice).body(Map.of("practiceId", practice, "month", "2026-11"))
                .post("/period-closes").then().statusCode(201).body("balanced", equalTo(true))
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) journal.get("lines");
        Map<String, Object> plb = lines.stream().filter(l -> "1015".equals(l.get("glAccount"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(plb.get("amount").toString())).isEqualByComparingTo("10");
        assertThat(new BigDecimal(plb.get("effect").toString())).isEqualByComparingTo("0");
        assertThat(plb.get("entries")).isEqualTo(2);
        String csv = as("auditor", practice).get("/period-closes/" + journal.get("id") + "/journal.csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains(practice + ",2026-11,1015,");
    }

    @Test
    void anUnbalancedFileIsRefusedNamingEachImbalanceAndPostsNothing() {
        String practice = practice();
        Claim a = claim(practice, patient(practice), "200.00", "100.00");
        LedgerTest.awaitBalance(practice, a.account(), "300.00");
        String trace = trace();
        post(practice, x12("post_unbalanced.txt", Map.of("{PCN1}", a.pcn(), "{TRACE}", trace))).then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/remittance-unbalanced"))
                .body("imbalances", hasSize(3))
                .body("imbalances[0]", containsString("BPR02 240.00"))
                .body("imbalances[1]", containsString("claim at segment 12"))
                .body("imbalances[2]", containsString("line 1 (SVC at segment 13)"))
                .body("detail", not(containsString(a.pcn())));
        balances(practice, a.account(), "300.00", "0.00");
        assertThat(entries(practice, a.account())).isEqualTo(2);
        as("poster", practice).get("/unapplied?traceNumber=" + trace).then().statusCode(200).body("items", empty());
        LedgerTest.verified(practice, a.account());
    }

    @Test
    void anUnknownClaimGoesToUnappliedCashAndIsAppliedOnce() {
        String practice = practice();
        String other = practice();
        String trace = trace();
        String unknown = "UNKNOWN" + ThreadLocalRandom.current().nextInt(1_000_000);
        Response r = post(practice, x12("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", unknown, "{TRACE}", trace)));
        r.then().statusCode(201).body("claimsUnmatched", equalTo(1)).body("claimsPosted", equalTo(0))
                .body("unappliedTotal", equalTo(50.0f));
        String remittance = r.jsonPath().getString("id");
        Map<String, Object> item = as("poster", practice).get("/unapplied?traceNumber=" + trace + "&payerId=" + PAYER)
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath().getMap("items[0]");
        assertThat(item).containsEntry("traceNumber", trace).containsEntry("payerId", PAYER)
                .containsEntry("patientControlNumber", unknown).containsEntry("payerClaimControlNumber", "PAYERCLM2")
                .containsEntry("status", "OPEN").containsEntry("remittanceId", remittance);
        assertThat(item.get("amount").toString()).isEqualTo("50.0");
        assertThat(item.toString()).doesNotContain("Lopez").doesNotContain("Ana");
        as("poster", practice).get("/unapplied?payerId=" + PAYER).then().statusCode(200)
                .body("items.id", hasItem(item.get("id")));
        as("poster", other).get("/unapplied?traceNumber=" + trace).then().statusCode(200).body("items", empty());

        Claim b = claim(practice, patient(practice), "100.00");
        Claim elsewhere = claim(other, patient(other), "100.00");
        LedgerTest.awaitBalance(practice, b.account(), "100.00");
        String id = item.get("id").toString();
        // another practice's account: 404, for a poster of one practice and for one of both
        as("poster", practice).body(Map.of("accountId", elsewhere.account().toString(), "claimId", elsewhere.id().toString()))
                .post("/unapplied/" + id + "/apply").then().statusCode(404);
        as("poster", practice, other).body(Map.of("accountId", elsewhere.account().toString(), "claimId",
                elsewhere.id().toString())).post("/unapplied/" + id + "/apply").then().statusCode(404);
        as("poster", other).body(Map.of("accountId", elsewhere.account().toString(), "claimId", elsewhere.id().toString()))
                .post("/unapplied/" + id + "/apply").then().statusCode(404);
        // a claim not of the account: 404; a missing field: 400
        as("poster", practice).body(Map.of("accountId", b.account().toString(), "claimId", UUID.randomUUID().toString()))
                .post("/unapplied/" + id + "/apply").then().statusCode(404);
        as("poster", practice).body(Map.of("accountId", b.account().toString()))
                .post("/unapplied/" + id + "/apply").then().statusCode(400);
        balances(practice, b.account(), "100.00", "0.00");

        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            as("poster", practice).body(Map.of("accountId", b.account().toString(), "claimId", b.id().toString()))
                    .post("/unapplied/" + id + "/apply").then().statusCode(200)
                    .body("item.status", equalTo("APPLIED")).body("item.appliedClaimId", equalTo(b.id().toString()))
                    .body("claim.outcome", equalTo("POSTED")).body("claim.entryIds", hasSize(3));
            var event = reader.awaitOne(TopicReader.ofType(EventTypes.REMITTANCE_POSTED, b.account().toString()));
            EventSchemas.assertValid("payments", event.event());
            assertThat(event.data().path("remittanceId").asText()).isEqualTo(remittance);
            assertThat(event.data().path("traceNumber").asText()).isEqualTo(trace);
        }
        balances(practice, b.account(), "0.00", "20.00");
        as("poster", practice).body(Map.of("accountId", b.account().toString(), "claimId", b.id().toString()))
                .post("/unapplied/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/unapplied-already-applied"));
        balances(practice, b.account(), "0.00", "20.00");
        as("poster", practice).get("/unapplied?traceNumber=" + trace).then().statusCode(200).body("items", empty());
        as("poster", practice).get("/remittances/" + remittance).then().statusCode(200)
                .body("claims[0].outcome", equalTo("POSTED")).body("claims[0].claimId", equalTo(b.id().toString()));
        LedgerTest.verified(practice, b.account());
        LedgerTest.verified(other, elsewhere.account());
    }

    @Test
    void malformedX12AndBadRequestsAreClearRefusalsNever500() {
        String practice = practice();
        String good = x12("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", "PCNX", "{TRACE}", trace()));
        post(practice, readResource("835_bad_amount.txt")).then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/remittance-unreadable"))
                .body("detail", containsString("CLP")).body("detail", containsString("segment"));
        post(practice, "hello, this is not X12").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/remittance-unreadable"));
        String truncated = good.substring(0, good.indexOf("GE|"));
        post(practice, truncated).then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/remittance-unreadable"));
        post(practice, good.replace("SE|13|0001", "SE|12|0001")).then().statusCode(422)
                .body("detail", containsString("SE"));
        post(practice, "").then().statusCode(422);
        // two 835 transactions in one request
        // roles, practices
        given().auth().oauth2(TestTokens.token("biller", practice)).contentType(X12).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/remittances?practiceId=" + practice).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("poster", practice)).contentType(X12).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/remittances?practiceId=other-practice").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("poster", practice, "other-practice")).contentType(X12).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/remittances").then().statusCode(400);
        given().contentType(X12).body(good.getBytes(StandardCharsets.UTF_8)).post("/remittances?practiceId=" + practice).then().statusCode(401);
        as("poster", practice).get("/remittances/" + UUID.randomUUID()).then().statusCode(404);
        as("poster", practice).body(Map.of()).post("/unapplied/" + UUID.randomUUID() + "/apply").then().statusCode(400);
        as("poster", practice).body(Map.of("accountId", UUID.randomUUID().toString(), "claimId", UUID.randomUUID().toString()))
                .post("/unapplied/" + UUID.randomUUID() + "/apply").then().statusCode(404);
        // nothing of these was recorded: the good file still posts (its CLP unmatched, to unapplied cash)
        post(practice, good).then().statusCode(201).body("claimsUnmatched", equalTo(1));
    }

    static String readResource(String name) {
        return x12(name, Map.of());
    }

    static Set<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).collect(Collectors.toSet());
    }
}
