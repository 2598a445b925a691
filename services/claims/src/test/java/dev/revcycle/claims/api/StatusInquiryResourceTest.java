package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.revcycle.claims.app.Clearinghouse;
import dev.revcycle.claims.x12.Sample277;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.x12.X12Reader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST/GET /claims/{id}/status-inquiries and POST /claim-status-runs over the real database, the clearinghouse faked. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StatusInquiryResourceTest {

    @Inject
    FakeClearinghouse clearinghouse;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void reset() {
        clearinghouse.answerStatus(null);
    }

    /** A claim of a new practice, moved to the status (as its batch and the 277CA would have) days ago. */
    private String claim(ClaimResourceTest.Setup s, String status, int daysAgo) throws Exception {
        String id = ClaimResourceTest.create(s);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE claim SET status = ?, status_changed_at = now() - make_interval(days => ?) WHERE id = ?")) {
            st.setString(1, status);
            st.setInt(2, daysAgo);
            st.setObject(3, UUID.fromString(id));
            st.executeUpdate();
        }
        return id;
    }

    private int inquiries(String claimId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM claim_status_inquiry WHERE claim_id = ?")) {
            st.setObject(1, UUID.fromString(claimId));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anInquirySendsA276AndRecordsThe277sAnswerInTheClaimsHistory() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String id = claim(s, "ACCEPTED", 3);
        clearinghouse.answerStatus(x276 -> Clearinghouse.StatusExchange.answered(Sample277.answer(x276, "F1:65",
                "SBX0000000000077", "20261130", null, "175.50", "140.40", "20261129", null, "20261130", "CHK42")));

        as("biller", s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(201)
                .body("categoryCode", equalTo("F1")).body("statusCode", equalTo("65"))
                .body("description", equalTo("Finalized: payment: claim/line has been paid"))
                .body("charge", equalTo(175.5f)).body("paid", equalTo(140.4f)).body("paidDate", equalTo("2026-11-29"))
                .body("checkNumber", equalTo("CHK42")).body("payerClaimControlNumber", equalTo("SBX0000000000077"))
                .body("source", equalTo("api")).body("statuses", hasSize(1));

        String x276 = clearinghouse.inquiries().get(clearinghouse.inquiries().size() - 1);
        var st = X12Reader.strict().read(x276).transactions().get(0);
        assertThat(st.implementationGuide()).isEqualTo("005010X212");
        String pcn = as("biller", s.practice()).get("/claims/" + id).then().extract().path("patientControlNumber");
        assertThat(st.segments("REF").stream().filter(r -> "EJ".equals(r.element(1))).findFirst().orElseThrow()
                .element(2)).isEqualTo(pcn);
        assertThat(st.segments("NM1").get(0).element(9)).isEqualTo("SBX01");
        assertThat(st.segments("NM1").get(3).element(9)).isEqualTo("XJH123456701");
        assertThat(st.segments("AMT").get(0).element(2)).isEqualTo("175.50");

        as("auditor", s.practice()).get("/claims/" + id + "/status-inquiries").then().statusCode(200)
                .body("claimId", equalTo(id)).body("items", hasSize(1)).body("items[0].categoryCode", equalTo("F1"))
                .body("items[0].answeredAt", notNullValue());
    }

    @Test
    void onlyClaimsWithThePayerCanBeAskedAbout() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String draft = ClaimResourceTest.create(s);
        as("biller", s.practice()).post("/claims/" + draft + "/status-inquiries").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/claim-not-inquirable"))
                .body("detail", containsString("DRAFT"));
        String rejected = claim(s, "REJECTED", 1);
        as("biller", s.practice()).post("/claims/" + rejected + "/status-inquiries").then().statusCode(422);
        assertThat(inquiries(draft) + inquiries(rejected)).isZero();
    }

    @Test
    void anotherPracticesOrAnUnknownClaimIs404AndReadersCannotAsk() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String id = claim(s, "SUBMITTED", 1);
        as("biller", "other-" + s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(404);
        as("biller", "other-" + s.practice()).get("/claims/" + id + "/status-inquiries").then().statusCode(404);
        as("biller", s.practice()).post("/claims/" + UUID.randomUUID() + "/status-inquiries").then().statusCode(404);
        as("auditor", s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(403);
        as("biller", s.practice()).post("/claims/not-a-uuid/status-inquiries").then().statusCode(404);
        assertThat(inquiries(id)).isZero();
    }

    @Test
    void aClearinghouseOutageIs503AndABadAnswer502WithNothingRecorded() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String id = claim(s, "SUBMITTED", 1);
        clearinghouse.answerStatus(x276 -> Clearinghouse.StatusExchange.unavailable("clearinghouse timed out"));
        as("biller", s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(503)
                .header("Retry-After", "60")
                .body("type", equalTo("https://revcycle.dev/problems/clearinghouse-unavailable"))
                .body("detail", equalTo("clearinghouse timed out"));
        clearinghouse.answerStatus(x276 -> Clearinghouse.StatusExchange.answered("<html>oops</html>"));
        as("biller", s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(502)
                .body("type", equalTo("https://revcycle.dev/problems/clearinghouse-bad-answer"));
        clearinghouse.answerStatus(x276 -> Clearinghouse.StatusExchange.answered(
                Sample277.answer(x276, "A4:35", null, "20261201").replaceAll("TRN\\*2\\*[A-Z0-9]+", "TRN*2*SOMEONEELSE")));
        as("biller", s.practice()).post("/claims/" + id + "/status-inquiries").then().statusCode(502)
                .body("detail", containsString("does not answer this inquiry"));
        assertThat(inquiries(id)).isZero();
        as("biller", s.practice()).get("/claims/" + id + "/status-inquiries").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aStatusRunAsksAboutClaimsWaitingLongerThanTheDaysWithNoAnswer() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String old1 = claim(s, "SUBMITTED", 40);
        String old2 = claim(s, "ACCEPTED", 35);
        String recent = claim(s, "ACCEPTED", 5);
        String draft = claim(s, "DRAFT", 60);
        String answered = claim(s, "ACCEPTED", 50);
        as("biller", s.practice()).post("/claims/" + answered + "/status-inquiries").then().statusCode(201);

        as("biller", s.practice()).body(Map.of("practiceId", s.practice(), "olderThanDays", 30)).post("/claim-status-runs")
                .then().statusCode(200).body("asked", equalTo(2)).body("answered", equalTo(2)).body("failed", equalTo(0))
                .body("hasMore", equalTo(false)).body("byCategory.P1", equalTo(2));
        assertThat(inquiries(old1)).isEqualTo(1);
        assertThat(inquiries(old2)).isEqualTo(1);
        assertThat(inquiries(recent) + inquiries(draft)).isZero();
        assertThat(inquiries(answered)).isEqualTo(1);
        as("biller", s.practice()).get("/claims/" + old1 + "/status-inquiries").then().body("items[0].source", equalTo("run"));

        // answered now: the next run finds nothing to ask
        as("biller", s.practice()).body(Map.of("olderThanDays", 30)).post("/claim-status-runs")
                .then().statusCode(200).body("asked", equalTo(0)).body("practiceId", equalTo(s.practice()));
    }

    @Test
    void aRunIsBoundedStopsAtAnOutageAndRefusesBadInput() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        claim(s, "SUBMITTED", 40);
        claim(s, "SUBMITTED", 41);
        claim(s, "SUBMITTED", 42);
        as("biller", s.practice()).body(Map.of("olderThanDays", 30, "limit", 2)).post("/claim-status-runs")
                .then().statusCode(200).body("asked", equalTo(2)).body("hasMore", equalTo(true));
        clearinghouse.answerStatus(x276 -> Clearinghouse.StatusExchange.unavailable("clearinghouse answered 503"));
        as("biller", s.practice()).body(Map.of("olderThanDays", 30)).post("/claim-status-runs")
                .then().statusCode(200).body("asked", equalTo(1)).body("failed", equalTo(1))
                .body("stopped", equalTo("clearinghouse answered 503")).body("hasMore", equalTo(true));

        as("biller", s.practice()).body(Map.of("olderThanDays", 0)).post("/claim-status-runs").then().statusCode(400);
        as("biller", s.practice()).body(Map.of()).post("/claim-status-runs").then().statusCode(400);
        as("biller", s.practice()).body(Map.of("olderThanDays", 30, "limit", 501)).post("/claim-status-runs").then().statusCode(400);
        as("biller", s.practice()).body(Map.of("practiceId", "other-" + s.practice(), "olderThanDays", 30))
                .post("/claim-status-runs").then().statusCode(404);
        as("auditor", s.practice()).body(Map.of("olderThanDays", 30)).post("/claim-status-runs").then().statusCode(403);
    }
}
