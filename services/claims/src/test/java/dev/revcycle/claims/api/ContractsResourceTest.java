package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.claims.app.AdjudicatingClaims;
import dev.revcycle.claims.app.DetectingUnderpayments;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.contracts.eligibility.Benefits;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Charge masters, fee schedules, underpayments and estimates over HTTP and the real database. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ContractsResourceTest {
    static final String HEADER = "procedureCode,modifier,description,standardCharge,cashPrice,effectiveFrom,effectiveTo\n";

    @Inject
    DetectingUnderpayments detecting;

    @Inject
    dev.revcycle.claims.app.UnderpaymentFollowUp followUp;

    @Inject
    AgroalDataSource db;

    static BigDecimal num(Response r, String path) {
        return new BigDecimal(r.jsonPath().getString(path));
    }

    static void assertMoney(String expected, Response r, String path) {
        assertEquals(0, new BigDecimal(expected).compareTo(num(r, path)), path + " was " + r.jsonPath().getString(path));
    }

    static Map<String, Object> item(String code, String modifier, String charge, String cash, String from, String to) {
        Map<String, Object> i = new HashMap<>();
        i.put("procedureCode", code);
        if (modifier != null) {
            i.put("modifier", modifier);
        }
        i.put("description", "Item " + code);
        i.put("standardCharge", new BigDecimal(charge));
        i.put("cashPrice", new BigDecimal(cash));
        i.put("effectiveFrom", from);
        if (to != null) {
            i.put("effectiveTo", to);
        }
        return i;
    }

    static void chargeMaster(String practice) {
        as("biller", practice).body(Map.of("items", List.of(
                        item("99213", null, "150.00", "95.00", "2026-01-01", "2026-06-30"),
                        item("99213", null, "160.00", "99.00", "2026-07-01", null),
                        item("99213", "25", "175.00", "110.00", "2026-01-01", null),
                        item("81002", null, "40.00", "12.50", "2026-01-01", null),
                        item("99212", null, "100.00", "70.00", "2026-01-01", null))))
                .put("/charge-masters/" + practice).then().statusCode(200);
    }

    static Map<String, Object> rate(String code, String modifier, String allowed) {
        Map<String, Object> r = new HashMap<>();
        r.put("procedureCode", code);
        if (modifier != null) {
            r.put("modifier", modifier);
        }
        r.put("allowed", new BigDecimal(allowed));
        return r;
    }

    static void feeSchedule(String practice, UUID payer, String from, Map<String, Object>... rates) {
        as("biller", practice).body(Map.of("practiceId", practice, "effectiveFrom", from, "rates", List.of(rates)))
                .put("/fee-schedules/" + payer).then().statusCode(200);
    }

    // ---- charge master

    @Test
    void aChargeMasterIsReplacedWholeAndReadBack() {
        String practice = ServiceRequests.practice();
        chargeMaster(practice);
        as("registrar", practice).get("/charge-masters/" + practice).then().statusCode(200).header("ETag", "\"1\"")
                .body("itemCount", equalTo(5)).body("items.procedureCode", hasItems("81002", "99212", "99213"))
                .body("items.find { it.modifier == '25' }.standardCharge", equalTo(175.0f))
                .body("items.find { it.procedureCode == '81002' }.modifier", nullValue());
        as("biller", practice).body(Map.of("items", List.of(item("99213", null, "151.00", "96.00", "2026-01-01", null))))
                .put("/charge-masters/" + practice).then().statusCode(200).header("ETag", "\"2\"").body("itemCount", equalTo(1))
                .body("updatedBy", notNullValue());
    }

    @Test
    void badItemsAreA400NamingEachAndNothingChanges() {
        String practice = ServiceRequests.practice();
        chargeMaster(practice);
        as("biller", practice).body(Map.of("items", List.of(
                        item("99213", null, "150.001", "95.00", "2026-01-01", null),
                        item("99214", "ABC", "150.00", "-1", "2026-02-01", "2026-01-01"),
                        item("99213", null, "150.00", "95.00", "2026-06-01", null))))
                .put("/charge-masters/" + practice).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("items[0].standardCharge", "items[1].modifier", "items[1].cashPrice",
                        "items[1].effectiveTo"));
        as("biller", practice).body(Map.of()).put("/charge-masters/" + practice).then().statusCode(400)
                .body("errors.field", hasItem("items"));
        as("biller", practice).get("/charge-masters/" + practice).then().statusCode(200).header("ETag", "\"1\"")
                .body("itemCount", equalTo(5));
    }

    @Test
    void anotherPracticesChargeMasterIs404AndReadersCannotWrite() {
        String practice = ServiceRequests.practice();
        chargeMaster(practice);
        String other = ServiceRequests.practice();
        as("biller", other).get("/charge-masters/" + practice).then().statusCode(404);
        as("biller", other).body(Map.of("items", List.of())).put("/charge-masters/" + practice).then().statusCode(404);
        as("biller", other).given().contentType("text/csv").body(HEADER).put("/charge-masters/" + practice).then()
                .statusCode(404);
        as("registrar", practice).body(Map.of("items", List.of())).put("/charge-masters/" + practice).then().statusCode(403);
        as("biller", other).get("/charge-masters/" + other).then().statusCode(404); // none yet
        as("biller", practice).contentType("application/xml").body("<items/>").put("/charge-masters/" + practice)
                .then().statusCode(415);
    }

    @Test
    void aCsvChargeMasterIsReadAndAMalformedOneIsA422NamingLineAndColumnWithNothingWritten() {
        String practice = ServiceRequests.practice();
        as("biller", practice).contentType("text/csv").body(HEADER
                        + "99213,,\"Office visit, low\",150.00,95.00,2026-01-01,\n"
                        + "99213,25,Separate E/M,175.00,110.00,2026-01-01,2026-12-31\n")
                .put("/charge-masters/" + practice).then().statusCode(200).body("itemCount", equalTo(2))
                .body("items[0].description", equalTo("Office visit, low"));
        Response refused = as("biller", practice).contentType("text/csv").body(HEADER
                        + "99214,,Visit,150.00,95.00,2026-01-01,\n"
                        + "99215,,Visit,1.50.00,95.00,2026-01-01,\n"
                        + "99215,,Visit,150.00,95.00,2026-02-30,\n")
                .put("/charge-masters/" + practice);
        refused.then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("malformed-charge-master"))
                .body("detail", containsString("line 3, standardCharge"))
                .body("problems.line", equalTo(List.of(3, 4))).body("problems.column", equalTo(List.of("standardCharge",
                        "effectiveFrom")))
                .body("detail", org.hamcrest.Matchers.not(containsString("1.50.00")));
        as("biller", practice).get("/charge-masters/" + practice).then().body("itemCount", equalTo(2))
                .header("ETag", "\"1\"");
        as("biller", practice).contentType("text/csv").body("code,price\n").put("/charge-masters/" + practice).then()
                .statusCode(422).body("problems.line", hasItem(1));
        as("biller", practice).contentType("text/csv").body("").put("/charge-masters/" + practice).then()
                .statusCode(422);
    }

    @Test
    void aClaimLineWithoutAChargeTakesTheStandardChargeOfItsDateAndModifier() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        chargeMaster(s.practice());
        Map<String, Object> body = ClaimResourceTest.body(s);
        Map<String, Object> visit = ClaimResourceTest.line("99213", "1", 1);
        visit.remove("chargeAmount");
        Map<String, Object> separate = ClaimResourceTest.line("99213", "1", 1);
        separate.remove("chargeAmount");
        separate.put("modifiers", List.of("25"));
        Map<String, Object> twoUnits = ClaimResourceTest.line("81002", "1", 1);
        twoUnits.remove("chargeAmount");
        twoUnits.put("units", 2);
        Map<String, Object> keyed = ClaimResourceTest.line("99212", "88.00", 1);
        body.put("lines", List.of(visit, separate, twoUnits, keyed));
        Response created = as("biller", s.practice()).body(body).post("/claims");
        created.then().statusCode(201);
        // 2026-11-20: 99213 from July 160.00; -25 has its own item; 81002 40.00 × 2; a keyed charge stays
        assertMoney("160.00", created, "lines[0].chargeAmount");
        assertMoney("175.00", created, "lines[1].chargeAmount");
        assertMoney("80.00", created, "lines[2].chargeAmount");
        assertMoney("88.00", created, "lines[3].chargeAmount");
        assertMoney("503.00", created, "totalCharge");

        Map<String, Object> early = ClaimResourceTest.line("99213", "1", 1);
        early.remove("chargeAmount");
        early.put("serviceDate", "2026-03-02");
        Map<String, Object> unknown = ClaimResourceTest.line("99499", "1", 1);
        unknown.remove("chargeAmount");
        Map<String, Object> beforeAnyItem = ClaimResourceTest.line("81002", "1", 1);
        beforeAnyItem.remove("chargeAmount");
        beforeAnyItem.put("serviceDate", "2025-12-31");
        body.put("lines", List.of(early, unknown, beforeAnyItem));
        as("biller", s.practice()).body(body).post("/claims").then().statusCode(422)
                .body("type", containsString("no-charge-master-item"))
                .body("fields", equalTo(List.of("lines[1].chargeAmount", "lines[2].chargeAmount")));
        body.put("lines", List.of(early));
        assertMoney("150.00", as("biller", s.practice()).body(body).post("/claims"), "lines[0].chargeAmount");
    }

    // ---- fee schedules

    @Test
    void aFeeScheduleChangeAppliesFromItsDateAndEarlierServicesKeepTheEarlierAmounts() {
        String practice = ServiceRequests.practice();
        UUID payer = UUID.randomUUID();
        feeSchedule(practice, payer, "2026-01-01", rate("99212", null, "80.00"), rate("99213", null, "110.00"));
        feeSchedule(practice, payer, "2026-07-01", rate("99212", null, "85.00"), rate("99213", "25", "120.00"));
        as("poster", practice).queryParam("practiceId", practice).queryParam("date", "2026-06-30")
                .get("/fee-schedules/" + payer).then().statusCode(200)
                .body("version.effectiveFrom", equalTo("2026-01-01")).body("version.effectiveTo", equalTo("2026-06-30"))
                .body("rates.find { it.procedureCode == '99212' }.allowed", equalTo(80.0f))
                .body("rates.size()", equalTo(2));
        as("poster", practice).queryParam("practiceId", practice).queryParam("date", "2026-07-01")
                .get("/fee-schedules/" + payer).then().statusCode(200)
                .body("version.effectiveFrom", equalTo("2026-07-01")).body("version.effectiveTo", nullValue())
                .body("rates.find { it.procedureCode == '99212' }.allowed", equalTo(85.0f))
                .body("rates.find { it.procedureCode == '99213' }.modifier", equalTo("25"));
        as("poster", practice).queryParam("practiceId", practice).queryParam("date", "2025-12-31")
                .get("/fee-schedules/" + payer).then().statusCode(404);
        // the same date again replaces that version
        feeSchedule(practice, payer, "2026-07-01", rate("99212", null, "86.00"));
        as("poster", practice).queryParam("practiceId", practice).queryParam("date", "2026-09-01")
                .get("/fee-schedules/" + payer).then().body("version.version", equalTo(2))
                .body("rates.size()", equalTo(1)).body("rates[0].allowed", equalTo(86.0f));
        as("auditor", practice).queryParam("practiceId", practice).get("/fee-schedules/" + payer + "/versions").then()
                .statusCode(200).body("items.effectiveFrom", equalTo(List.of("2026-07-01", "2026-01-01")))
                .body("items[1].effectiveTo", equalTo("2026-06-30")).body("items[0].effectiveTo", nullValue())
                .body("items[0].rateCount", equalTo(1));
    }

    @Test
    void badFeeSchedulesAreRefused() {
        String practice = ServiceRequests.practice();
        UUID payer = UUID.randomUUID();
        as("biller", practice).body(Map.of("practiceId", practice, "rates", List.of(rate("99212", null, "80.001"),
                        rate("99212", null, "1.00"), rate("9", "XYZ", "1"))))
                .put("/fee-schedules/" + payer).then().statusCode(400)
                .body("errors.field", hasItems("effectiveFrom", "rates[0].allowed", "rates[2].procedureCode",
                        "rates[2].modifier"));
        as("biller", practice).body(Map.of("practiceId", practice, "effectiveFrom", "2026-01-01", "rates",
                List.of(rate("99212", null, "1.00")))).put("/fee-schedules/not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("payerId"));
        as("biller", practice).body(Map.of("practiceId", practice, "effectiveFrom", "2026-13-01", "rates", List.of()))
                .put("/fee-schedules/" + payer).then().statusCode(400);
        String other = ServiceRequests.practice();
        feeSchedule(practice, payer, "2026-01-01", rate("99212", null, "80.00"));
        as("biller", other).body(Map.of("practiceId", practice, "effectiveFrom", "2026-01-01", "rates",
                List.of(rate("99212", null, "1.00")))).put("/fee-schedules/" + payer).then().statusCode(404);
        as("biller", other).queryParam("practiceId", practice).get("/fee-schedules/" + payer).then().statusCode(404);
        as("biller", other).queryParam("practiceId", practice).get("/fee-schedules/" + payer + "/versions").then()
                .statusCode(404);
        as("biller", practice).get("/fee-schedules/" + payer).then().statusCode(400).body("errors.field", hasItem("practiceId"));
        as("biller", practice).queryParam("practiceId", practice).queryParam("date", "yesterday")
                .get("/fee-schedules/" + payer).then().statusCode(400).body("errors.field", hasItem("date"));
    }

    // ---- underpayments

    UUID adjudicate(UUID claimId, String practice, String outcome, String statusCode, String... lines) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, claim_status_code, outcome,
                        paid, patient_responsibility, claim_adjustments, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, '[]', clock_timestamp())""")) {
                s.setObject(1, id);
                s.setObject(2, claimId);
                s.setString(3, practice);
                s.setObject(4, UUID.randomUUID());
                s.setString(5, statusCode);
                s.setString(6, outcome);
                BigDecimal patient = BigDecimal.ZERO;
                for (String l : lines) {
                    patient = patient.add(new BigDecimal(l.split(":")[4]));
                }
                s.setBigDecimal(7, patient);
                s.executeUpdate();
            }
            int n = 1;
            for (String l : lines) { // code:modifier:allowed:paid:patient
                String[] f = l.split(":", -1);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO claim_adjudication_line (adjudication_id, line_number, procedure_code, modifiers,
                            service_date, charge, allowed, paid, patient_responsibility, adjustments)
                        VALUES (?, ?, ?, ?, DATE '2026-11-20', 0, ?, ?, ?, '[]')""")) {
                    s.setObject(1, id);
                    s.setInt(2, n++);
                    s.setString(3, f[0]);
                    s.setArray(4, c.createArrayOf("text", f[1].isEmpty() ? new String[0] : new String[] {f[1]}));
                    s.setBigDecimal(5, new BigDecimal(f[2]));
                    s.setBigDecimal(6, new BigDecimal(f[3]));
                    s.setBigDecimal(7, new BigDecimal(f[4]));
                    s.executeUpdate();
                }
            }
        }
        return id;
    }

    @Test
    void aLineAllowedBelowTheContractBeyondTheToleranceIsListedOnceUntilAReversal() throws SQLException {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String claim = ClaimResourceTest.create(s);
        UUID claimId = UUID.fromString(claim);
        feeSchedule(s.practice(), s.payer(), "2026-01-01", rate("99213", null, "100.00"), rate("81002", null, "30.00"),
                rate("99213", "25", "130.00"));
        feeSchedule(s.practice(), s.payer(), "2026-12-01", rate("99213", null, "200.00"));
        // 99213 under by 10.00; 81002 by 0.50 (within the default 1.00); 99213-25 by 0.99 over; a denied line (0)
        UUID first = adjudicate(claimId, s.practice(), "PAID", "1", "99213::90.00:90.00:0", "81002::29.50:29.50:0",
                "99213:25:131.00:131.00:0", "99214::0:0:0");
        assertEquals(1, detecting.adjudicationRecorded(first).size());
        detecting.adjudicationRecorded(first); // redelivered: nothing more
        assertEquals(1, countUnderpayments(claimId));
        Response page = as("poster", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments");
        page.then().statusCode(200).body("items.size()", equalTo(1)).body("hasMore", equalTo(false))
                .body("items[0].claimId", equalTo(claim)).body("items[0].procedureCode", equalTo("99213"))
                .body("items[0].serviceDate", equalTo("2026-11-20")).body("items[0].lineNumber", equalTo(1))
                .body("items[0].patientControlNumber", notNullValue()).body("items[0].modifier", nullValue())
                .body("items[0].payerId", equalTo(s.payer().toString()));
        assertMoney("100.00", page, "items[0].expected");
        assertMoney("90.00", page, "items[0].actual");
        assertMoney("10.00", page, "items[0].difference");
        assertMoney("1.00", page, "items[0].tolerance");
        as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("payerId", UUID.randomUUID().toString())
                .get("/underpayments").then().body("items.size()", equalTo(0));
        as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("payerId", s.payer().toString())
                .get("/underpayments").then().body("items.size()", equalTo(1));
        Response summary = as("biller", s.practice()).queryParam("practiceId", s.practice())
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/underpayments/summary");
        summary.then().statusCode(200).body("totals.size()", equalTo(1)).body("totals[0].procedureCode", equalTo("99213"))
                .body("totals[0].lines", equalTo(1)).body("total.lines", equalTo(1));
        assertMoney("10.00", summary, "totals[0].difference");
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-31").get("/underpayments/summary").then().body("totals.size()", equalTo(0));

        // the payer reverses the claim: its underpayments leave the list
        UUID reversal = adjudicate(claimId, s.practice(), "REOPENED", "22", "99213::-90.00:-90.00:0");
        assertEquals(0, detecting.adjudicationRecorded(reversal).size());
        as("poster", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then()
                .body("items.size()", equalTo(0));
    }

    /** One consumer batch through the follow-up: the answers as AdjudicatingClaims hands them on. */
    void batch(ClaimResourceTest.Setup s, UUID... claimAndAdjudication) {
        List<AdjudicatingClaims.Adjudicated> answers = new java.util.ArrayList<>();
        for (int i = 0; i < claimAndAdjudication.length; i += 2) {
            AdjudicatingClaims.Remittance r = new AdjudicatingClaims.Remittance(claimAndAdjudication[i], s.practice(),
                    UUID.randomUUID(), "TRN1", "SBX", new RemittanceAdvice("1", BigDecimal.ONE, BigDecimal.ONE,
                    BigDecimal.ZERO, List.of(), List.of(), "PCCN", java.time.LocalDate.of(2026, 11, 25)), List.of());
            answers.add(new AdjudicatingClaims.Adjudicated(r, null, null, claimAndAdjudication[i + 1], null, null,
                    s.payer(), null, null, 2));
        }
        QuarkusTransaction.requiringNew().run(() -> followUp.adjudicated(answers));
    }

    @Test
    void oneBatchFindsEachClaimsUnderpaymentsAndAReversalInTheSameBatchSupersedesThem() throws SQLException {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        feeSchedule(s.practice(), s.payer(), "2026-01-01", rate("99213", null, "100.00"), rate("81002", null, "30.00"));
        UUID a = UUID.fromString(ClaimResourceTest.create(s));
        UUID b = UUID.fromString(ClaimResourceTest.create(s));
        UUID c = UUID.fromString(ClaimResourceTest.create(s));
        UUID paidA = adjudicate(a, s.practice(), "PAID", "1", "99213::90.00:90.00:0", "81002::25.00:25.00:0");
        UUID paidB = adjudicate(b, s.practice(), "PAID", "1", "99213::80.00:80.00:0");
        UUID paidC = adjudicate(c, s.practice(), "PAID", "1", "99213::100.00:100.00:0");
        UUID reversedB = adjudicate(b, s.practice(), "REOPENED", "22", "99213::-80.00:-80.00:0");
        batch(s, a, paidA, b, paidB, c, paidC, b, reversedB);
        assertEquals(2, countUnderpayments(a));
        as("poster", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.claimId", everyItem(equalTo(a.toString())))
                .body("items.procedureCode", hasItems("99213", "81002"));
        // the next batch: a's reversal supersedes what the first batch found
        batch(s, a, adjudicate(a, s.practice(), "REOPENED", "22", "99213::-90.00:-90.00:0"));
        as("poster", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then()
                .body("items.size()", equalTo(0));
    }

    int countUnderpayments(UUID claimId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM underpayment WHERE claim_id = ?")) {
            s.setObject(1, claimId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void thePracticesToleranceDecidesAndTheListIsPagedByCursor() throws SQLException {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        as("biller", s.practice()).get("/practices/" + s.practice() + "/underpayment-tolerance").then().statusCode(200)
                .body("amount", equalTo(1.0f)).body("isDefault", equalTo(true));
        as("biller", s.practice()).body(Map.of("percent", 10)).put("/practices/" + s.practice() + "/underpayment-tolerance")
                .then().statusCode(200).body("percent", equalTo(10.0f)).body("amount", nullValue()).body("isDefault", equalTo(false));
        feeSchedule(s.practice(), s.payer(), "2026-01-01", rate("99213", null, "100.00"), rate("81002", null, "30.00"));
        UUID a1 = UUID.fromString(ClaimResourceTest.create(s));
        // 10 % of 100.00: 90.00 is tolerated, 89.99 is not; 81002 26.99 is 3.01 below 30.00 (tolerance 3.00)
        assertEquals(0, detecting.adjudicationRecorded(adjudicate(a1, s.practice(), "PAID", "1", "99213::90.00:90.00:0")).size());
        UUID a2 = UUID.fromString(ClaimResourceTest.create(s));
        assertEquals(2, detecting.adjudicationRecorded(adjudicate(a2, s.practice(), "PAID", "1", "99213::89.99:89.99:0",
                "81002::26.99:26.99:0")).size());
        Response first = as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("size", 1)
                .get("/underpayments");
        first.then().body("items.size()", equalTo(1)).body("hasMore", equalTo(true)).body("next", notNullValue());
        Response second = as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("size", 1)
                .queryParam("after", first.jsonPath().getString("next")).get("/underpayments");
        second.then().body("items.size()", equalTo(1)).body("hasMore", equalTo(false)).body("next", nullValue());
        assertTrue(!first.jsonPath().getString("items[0].id").equals(second.jsonPath().getString("items[0].id")));

        as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("after", "bm9wZQ")
                .get("/underpayments").then().statusCode(400).body("errors.field", hasItem("after"));
        as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("size", 201)
                .get("/underpayments").then().statusCode(400);
        as("poster", s.practice()).queryParam("practiceId", s.practice()).queryParam("page", 2)
                .get("/underpayments").then().statusCode(400).body("errors.field", hasItem("page"));
        as("poster", s.practice()).get("/underpayments").then().statusCode(400).body("errors.field", hasItem("practiceId"));
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("from", "2026-01-01")
                .queryParam("to", "2027-01-02").get("/underpayments/summary").then().statusCode(400);
        as("biller", s.practice()).queryParam("practiceId", s.practice()).queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01").get("/underpayments/summary").then().statusCode(400);
        as("biller", s.practice()).body(Map.of()).put("/practices/" + s.practice() + "/underpayment-tolerance")
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        as("biller", s.practice()).body(Map.of("amount", -1, "percent", 101))
                .put("/practices/" + s.practice() + "/underpayment-tolerance").then().statusCode(400)
                .body("errors.field", hasItems("amount", "percent"));
        String other = ServiceRequests.practice();
        as("biller", other).queryParam("practiceId", s.practice()).get("/underpayments").then().statusCode(404);
        as("biller", other).queryParam("practiceId", s.practice()).get("/underpayments/summary").then().statusCode(404);
        as("biller", other).body(Map.of("amount", 5)).put("/practices/" + s.practice() + "/underpayment-tolerance")
                .then().statusCode(404);
        as("registrar", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then().statusCode(403);
    }

    // ---- estimates

    static Map<String, Object> estimate(ClaimResourceTest.Setup s, boolean insured, String... codes) {
        Map<String, Object> b = new HashMap<>();
        b.put("practiceId", s.practice());
        b.put("patientId", s.patient().toString());
        if (insured) {
            b.put("coverageId", s.coverage().toString());
        }
        b.put("serviceDate", "2026-11-20");
        b.put("procedureCodes", List.of(codes));
        return b;
    }

    @Test
    void aSelfPayEstimateIsTheCashPrices() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        chargeMaster(s.practice());
        Response r = as("registrar", s.practice()).body(estimate(s, false, "99213", "81002")).post("/estimates");
        r.then().statusCode(201).header("Location", containsString("/estimates/")).body("coverageId", nullValue())
                .body("lines.procedureCode", equalTo(List.of("99213", "81002")))
                .body("assumptions", hasItem(containsString("Self-pay")));
        assertMoney("160.00", r, "lines[0].charge");
        assertMoney("99.00", r, "lines[0].patientResponsibility");
        assertMoney("200.00", r, "totalCharge");
        assertMoney("111.50", r, "totalPatientResponsibility");
        as("auditor", s.practice()).get("/estimates/" + r.jsonPath().getString("id")).then().statusCode(200)
                .body("totalPatientResponsibility", equalTo(111.5f)).body("actual", nullValue());
    }

    @Test
    void anInsuredEstimateUsesTheFeeScheduleAndTheLatestBenefitsAndShowsTheActualOnceAdjudicated() throws SQLException {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        chargeMaster(s.practice());
        feeSchedule(s.practice(), s.payer(), "2026-01-01", rate("99213", null, "100.00"), rate("81002", null, "20.00"));
        UUID check = UUID.randomUUID();
        FactsTopics.sendEligibility(s.patient(), FactsTopics.verified(check, s.coverage(), s.patient(), s.practice(),
                LocalDate.of(2026, 11, 18), "ACTIVE", new Benefits(null, new BigDecimal("20"), new BigDecimal("1500.00"),
                        new BigDecimal("80.00"), new BigDecimal("6000.00"), new BigDecimal("4500.00"))));
        FactsTopics.await("SELECT 1 FROM latest_eligibility WHERE check_id = ?", check);
        Response r = as("biller", s.practice()).body(estimate(s, true, "99213", "81002", "99212")).post("/estimates");
        r.then().statusCode(201).body("payerId", equalTo(s.payer().toString()))
                .body("assumptions", hasItem(containsString("Benefits from the eligibility check for 2026-11-18")))
                .body("assumptions", hasItem(containsString("No contracted rate for 99212")));
        // 99213: 80.00 deductible + 20 % of 20.00; 81002: 20 % of 20.00; 99212 (no rate: its charge 100.00) 20 %
        assertMoney("100.00", r, "lines[0].allowed");
        assertMoney("84.00", r, "lines[0].patientResponsibility");
        assertMoney("4.00", r, "lines[1].patientResponsibility");
        assertMoney("20.00", r, "lines[2].patientResponsibility");
        assertMoney("220.00", r, "totalAllowed");
        assertMoney("108.00", r, "totalPatientResponsibility");
        String id = r.jsonPath().getString("id");
        as("biller", s.practice()).get("/estimates/" + id).then().body("actual", nullValue());

        // the visit's claim is adjudicated: the estimate shows what the payer said
        UUID claimId = UUID.fromString(ClaimResourceTest.create(s));
        adjudicate(claimId, s.practice(), "PAID", "1", "99213::100.00:20.00:80.00", "81002::20.00:16.00:4.00");
        Response read = as("biller", s.practice()).get("/estimates/" + id);
        read.then().statusCode(200).body("actual.claimId", equalTo(claimId.toString()))
                .body("actual.outcome", equalTo("PAID")).body("actual.lines.size()", equalTo(2));
        assertMoney("84.00", read, "actual.patientResponsibility");
        assertMoney("-24.00", read, "actual.difference");
        as("biller", ServiceRequests.practice()).get("/estimates/" + id).then().statusCode(404);
    }

    @Test
    void anEstimateWithoutBenefitsSaysSoAndBadRequestsAreRefused() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        chargeMaster(s.practice());
        as("biller", s.practice()).body(estimate(s, true, "99213")).post("/estimates").then().statusCode(201)
                .body("totalPatientResponsibility", equalTo(0.0f))
                .body("assumptions", hasItems(containsString("never checked"), containsString("No benefits are known"),
                        containsString("no fee schedule of this payer")));
        as("biller", s.practice()).body(estimate(s, false, "99213", "99499", "99215")).post("/estimates").then()
                .statusCode(422).body("type", containsString("no-charge-master-item"))
                .body("fields", equalTo(List.of("procedureCodes[1]", "procedureCodes[2]")));
        Map<String, Object> bad = estimate(s, false);
        bad.remove("serviceDate");
        bad.remove("patientId");
        as("biller", s.practice()).body(bad).post("/estimates").then().statusCode(400)
                .body("errors.field", hasItems("patientId", "serviceDate", "procedureCodes"));
        as("biller", s.practice()).body(estimate(s, false, "9")).post("/estimates").then().statusCode(400)
                .body("errors.field", hasItem("procedureCodes[0]"));
        Map<String, Object> otherCoverage = estimate(s, true, "99213");
        otherCoverage.put("coverageId", UUID.randomUUID().toString());
        as("biller", s.practice()).body(otherCoverage).post("/estimates").then().statusCode(422)
                .body("type", containsString("unknown-coverage"));
        Map<String, Object> stranger = estimate(s, false, "99213");
        stranger.put("patientId", UUID.randomUUID().toString());
        as("biller", s.practice()).body(stranger).post("/estimates").then().statusCode(422)
                .body("type", containsString("unknown-patient"));
        as("biller", ServiceRequests.practice()).body(estimate(s, false, "99213")).post("/estimates").then().statusCode(404);
        as("poster", s.practice()).body(estimate(s, false, "99213")).post("/estimates").then().statusCode(403);
        as("biller", s.practice()).get("/estimates/" + UUID.randomUUID()).then().statusCode(404);
        as("biller", s.practice()).get("/estimates/nope").then().statusCode(400);
    }
}
