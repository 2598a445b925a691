package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Appeals, their letter, outcome, list and deadlines; GET /claims/at-risk. Over the real database and topic. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class AppealResourceTest {

    @Inject
    AgroalDataSource db;

    /** A claim as an 835 would have left it: status, paid, adjudicated that many days ago, one CO-197 adjudication. */
    private String adjudicated(ClaimResourceTest.Setup s, String status, String paid, int daysAgo) throws Exception {
        String id = ClaimResourceTest.create(s);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE claim SET status = ?, paid_amount = ?::numeric, adjudicated_at = now() - make_interval(days => ?),
                        payer_claim_control_number = 'SBX7700000000001' WHERE id = ?""")) {
                st.setString(1, status);
                st.setString(2, paid);
                st.setInt(3, daysAgo);
                st.setObject(4, UUID.fromString(id));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, claim_status_code, outcome, paid,
                        patient_responsibility, charge, claim_adjustments, received_at)
                    VALUES (gen_random_uuid(), ?, ?, gen_random_uuid(), '4', 'DENIED', ?::numeric, 0, 175.50,
                        '[{"groupCode":"CO","reasonCode":"197","amount":175.50}]', now())""")) {
                st.setObject(1, UUID.fromString(id));
                st.setString(2, s.practice());
                st.setString(3, paid);
                st.executeUpdate();
            }
        }
        return id;
    }

    @Test
    void aDeniedClaimIsAppealedOnceWithItsEventLetterAndOutcome() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String claim = adjudicated(s, "DENIED", "0", 10);
        String appeal;
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            appeal = as("biller", s.practice()).body(Map.of("reason", "Prior authorization AUTH-7781 was on file"))
                    .post("/claims/" + claim + "/appeals").then().statusCode(201)
                    .body("status", equalTo("OPEN")).body("claimStatus", equalTo("DENIED"))
                    .body("disputedAmount", equalTo(175.5f)).body("deadlineDays", equalTo(180))
                    .body("deadline", equalTo(LocalDate.now().minusDays(10).plusDays(180).toString()))
                    .extract().path("id");
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_APPEALED, appeal));
            EventSchemas.assertValid("claims", event.event());
            assertThat(event.key()).isEqualTo(appeal);
            assertThat(event.data().path("claimId").asText()).isEqualTo(claim);
            assertThat(event.data().path("payerId").asText()).isEqualTo(s.payer().toString());
            assertThat(event.data().toString()).doesNotContain("AUTH-7781");
        }
        // one open appeal per claim
        as("biller", s.practice()).body(Map.of("reason", "again")).post("/claims/" + claim + "/appeals").then()
                .statusCode(409).body("type", equalTo("https://revcycle.dev/problems/appeal-open"))
                .body("openAppealId", equalTo(appeal));

        byte[] pdf = as("auditor", s.practice()).get("/appeals/" + appeal + "/letter.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String pcn = as("biller", s.practice()).get("/claims/" + claim).then().extract().path("patientControlNumber");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(pcn, "Sandbox Health", "175.50", "Prior authorization AUTH-7781 was on file",
                    "SBX7700000000001", "CO-197", "XJH123456701", "ZZLOPEZ");
            assertThat(text).doesNotContainPattern("\\b\\d{3}-\\d{2}-\\d{4}\\b").doesNotContain("SSN");
        }

        as("biller", s.practice()).body(Map.of("outcome", "MAYBE")).post("/appeals/" + appeal + "/outcome").then().statusCode(400);
        as("auditor", s.practice()).body(Map.of("outcome", "UPHELD")).post("/appeals/" + appeal + "/outcome").then().statusCode(403);
        as("biller", s.practice()).body(Map.of("outcome", "UPHELD", "note", "payer kept its denial"))
                .post("/appeals/" + appeal + "/outcome").then().statusCode(200).body("status", equalTo("UPHELD"))
                .body("outcomeNote", equalTo("payer kept its denial")).body("version", equalTo(2));
        as("biller", s.practice()).body(Map.of("outcome", "UPHELD")).post("/appeals/" + appeal + "/outcome").then()
                .statusCode(200).body("version", equalTo(2));
        as("biller", s.practice()).body(Map.of("outcome", "OVERTURNED")).post("/appeals/" + appeal + "/outcome").then()
                .statusCode(409).body("type", equalTo("https://revcycle.dev/problems/appeal-decided"));
        // decided: the claim may be appealed again (second level)
        as("biller", s.practice()).body(Map.of("reason", "second level", "letter", "Dear reviewer,\nplease look again."))
                .post("/claims/" + claim + "/appeals").then().statusCode(201).body("customLetter", equalTo(true));
    }

    @Test
    void onlyAdjudicatedClaimsWithSomethingToDisputeAreAppealedAndBadInputIs400() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String draft = ClaimResourceTest.create(s);
        as("biller", s.practice()).body(Map.of("reason", "x")).post("/claims/" + draft + "/appeals").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/claim-not-appealable"));
        String paid = adjudicated(s, "PAID", "140.40", 5);
        as("biller", s.practice()).body(Map.of("reason", "x")).post("/claims/" + paid + "/appeals").then().statusCode(422)
                .body("detail", containsString("expectedAmount"));
        as("biller", s.practice()).body(Map.of("reason", "contract rate", "expectedAmount", 160.00))
                .post("/claims/" + paid + "/appeals").then().statusCode(201).body("disputedAmount", equalTo(19.6f))
                .body("expectedAmount", equalTo(160.0f));
        String late = adjudicated(s, "PARTIALLY_PAID", "20.00", 200);
        as("biller", s.practice()).body(Map.of("reason", "x")).post("/claims/" + late + "/appeals").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/appeal-deadline-passed"));

        as("biller", s.practice()).body(Map.of()).post("/claims/" + late + "/appeals").then().statusCode(400);
        as("biller", s.practice()).body(Map.of("reason", "x".repeat(2001))).post("/claims/" + late + "/appeals").then().statusCode(400);
        as("biller", s.practice()).body(Map.of("reason", "x", "expectedAmount", -1)).post("/claims/" + late + "/appeals").then().statusCode(400);
        as("biller", "other-" + s.practice()).body(Map.of("reason", "x")).post("/claims/" + late + "/appeals").then().statusCode(404);
        as("auditor", s.practice()).body(Map.of("reason", "x")).post("/claims/" + late + "/appeals").then().statusCode(403);
    }

    @Test
    void aPayersDeadlineIsSetPerPracticeAndTheListIsSortedByDeadline() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        as("biller", s.practice()).body(Map.of("practiceId", s.practice(), "days", 60))
                .put("/appeal-deadlines/" + s.payer()).then().statusCode(200).body("days", equalTo(60));
        as("biller", s.practice()).body(Map.of("days", 0)).put("/appeal-deadlines/" + s.payer()).then().statusCode(400);
        as("biller", s.practice()).body(Map.of("practiceId", "other-" + s.practice(), "days", 60))
                .put("/appeal-deadlines/" + s.payer()).then().statusCode(404);
        as("auditor", s.practice()).get("/appeal-deadlines").then().statusCode(200).body("defaultDays", equalTo(180))
                .body("items", hasSize(1)).body("items[0].days", equalTo(60));

        String soon = adjudicated(s, "DENIED", "0", 50);    // deadline in 10 days
        String later = adjudicated(s, "DENIED", "0", 20);   // in 40 days
        String a1 = as("biller", s.practice()).body(Map.of("reason", "r")).post("/claims/" + later + "/appeals")
                .then().statusCode(201).body("deadlineDays", equalTo(60)).extract().path("id");
        String a2 = as("biller", s.practice()).body(Map.of("reason", "r")).post("/claims/" + soon + "/appeals")
                .then().statusCode(201).extract().path("id");
        as("auditor", s.practice()).get("/appeals").then().statusCode(200).body("items.id", equalTo(List.of(a2, a1)))
                .body("items[0].daysLeft", equalTo(10)).body("items[1].daysLeft", equalTo(40));
        as("biller", s.practice()).get("/appeals?dueWithinDays=15").then().statusCode(200).body("items.id", equalTo(List.of(a2)));
        as("biller", s.practice()).get("/appeals?dueWithinDays=-1").then().statusCode(400);
        as("biller", s.practice()).get("/appeals?dueWithinDays=soon").then().statusCode(400);
        as("biller", s.practice()).get("/appeals?practiceId=other-" + s.practice()).then().statusCode(404);
        as("biller", "other-" + s.practice()).get("/appeals/" + a1).then().statusCode(404);
        as("biller", "other-" + s.practice()).get("/appeals/" + a1 + "/letter.pdf").then().statusCode(404);
        as("collector", s.practice()).get("/appeals").then().statusCode(403);
    }

    /** A claim created through the API with both lines on that date, then put in that status (a fixture's shortcut). */
    private String claimServedOn(ClaimResourceTest.Setup s, LocalDate date, String status) throws Exception {
        Map<String, Object> body = ClaimResourceTest.body(s);
        body.put("lines", linesOn(date));
        String id = as("biller", s.practice()).body(body).post("/claims").then().statusCode(201).extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE claim SET status = ? WHERE id = ?")) {
            st.setString(1, status);
            st.setObject(2, UUID.fromString(id));
            st.executeUpdate();
        }
        return id;
    }

    private static List<Map<String, Object>> linesOn(LocalDate date) {
        List<Map<String, Object>> lines = List.of(ClaimResourceTest.line("99213", "150.00", 1),
                ClaimResourceTest.line("81002", "25.5", 1, 2));
        lines.forEach(l -> l.put("serviceDate", date.toString()));
        return lines;
    }

    @Test
    void claimsNearTheirFilingLimitAreListedByDeadline() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String soon = claimServedOn(s, today.minusDays(365 - 15), "DRAFT");
        String later = claimServedOn(s, today.minusDays(365 - 65), "REJECTED");
        String sent = claimServedOn(s, today.minusDays(365 - 15), "SUBMITTED");
        String lost = claimServedOn(s, today.minusDays(400), "READY");

        as("auditor", s.practice()).get("/claims/at-risk?withinDays=30").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(soon))).body("items[0].daysLeft", equalTo(15))
                .body("items[0].timelyFilingDays", equalTo(365)).body("items[0].defaultFilingDays", equalTo(false))
                .body("items[0].deadline", equalTo(today.plusDays(15).toString()))
                .body("items[0].payerName", equalTo("Sandbox Health"));
        as("biller", s.practice()).get("/claims/at-risk?practiceId=" + s.practice() + "&withinDays=100").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(soon, later))).body("items[1].status", equalTo("REJECTED"));
        as("biller", s.practice()).get("/claims/at-risk").then().statusCode(400);
        as("biller", s.practice()).get("/claims/at-risk?withinDays=366").then().statusCode(400);
        as("biller", s.practice()).get("/claims/at-risk?withinDays=30&practiceId=other-" + s.practice()).then().statusCode(404);

        // the biller moves the draft's dates of service: its deadline moves with them
        as("biller", s.practice()).contentType("application/merge-patch+json").body(Map.of("lines", linesOn(today.minusDays(365 - 70))))
                .patch("/claims/" + soon).then().statusCode(200);
        as("biller", s.practice()).get("/claims/at-risk?withinDays=100").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(later, soon))).body("items[1].daysLeft", equalTo(70));

        // the payer's limit changes (CoverageChanged: 400 days): every deadline of the coverage's claims follows
        FactsTopics.sendEligibility(s.patient(),
                FactsTopics.coverageChanged(s.coverage(), s.patient(), s.practice(), s.payer(), 400, 2));
        FactsTopics.await(
                "SELECT 1 FROM known_coverage WHERE id = ? AND timely_filing_days = 400", s.coverage());
        as("biller", s.practice()).get("/claims/at-risk?withinDays=60").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(lost))).body("items[0].daysLeft", equalTo(0))
                .body("items[0].timelyFilingDays", equalTo(400));
        as("biller", s.practice()).get("/claims/at-risk?withinDays=200").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(lost, later, soon)))
                .body("items.daysLeft", equalTo(List.of(0, 100, 105)));
        assertThat(sent).isNotNull();
    }
}
