package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.x12.SampleClaims;
import dev.revcycle.testing.QueryPlans;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /submission-batches and POST /acknowledgements over the real database, with the claims core and the
 * clearinghouse faked (FakeClaimLifecycle, FakeClearinghouse) until their branches are merged.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class SubmissionAndAcknowledgementsTest {

    @Inject
    FakeClaimLifecycle claims;

    @Inject
    FakeClearinghouse clearinghouse;

    @Inject
    AgroalDataSource db;

    private String practice;

    @BeforeEach
    void reset() {
        practice = ServiceRequests.practice();
        clearinghouse.fail(null);
    }

    private BillableClaim ready(String pcn, ClaimStatus status) {
        PatientFacts patient = SampleClaims.patient("Jane", "Doe", LocalDate.of(1980, 1, 1), "F");
        BillableClaim sample = SampleClaims.professional(patient, SampleClaims.selfCoverage(patient), pcn, List.of("E11.9"),
                List.of(SampleClaims.line(1, "99213", List.of(), "1", "150.00", List.of(1), null, null)),
                SampleClaims.DOCTOR, null);
        Claim c = sample.claim();
        Claim claim = new Claim(c.id(), practice, c.patientId(), c.coverageId(), c.type(), status, c.patientControlNumber(),
                c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(), c.placeOfService(), c.typeOfBill(),
                c.admissionDate(), c.dischargeDate(), c.priorAuthorization(), c.diagnoses(), c.lines(), c.totalCharge(),
                c.frequencyCode(), null, null, c.version());
        BillableClaim billable = new BillableClaim(claim, sample.patient(), sample.coverage(), null, sample.billingProvider(),
                sample.renderingProvider(), null);
        claims.add(billable);
        return billable;
    }

    private static String pcn() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private Response submit(UUID... ids) {
        return as("biller", practice).body(Map.of("claimIds", List.of(ids))).post("/submission-batches");
    }

    @Test
    void submitWritesTheFileSendsItAndMarksTheClaimsSubmitted() {
        BillableClaim a = ready(pcn(), ClaimStatus.READY);
        BillableClaim b = ready(pcn(), ClaimStatus.READY);

        Response created = submit(a.claim().id(), b.claim().id());
        created.then().statusCode(201).body("status", equalTo("SENT")).body("claimCount", equalTo(2))
                .body("totalCharge", equalTo(300.0f)).body("claimIds", hasSize(2))
                .body("clearinghouseFileIds", hasSize(2));
        String id = created.path("id");
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claims.status(b.claim().id())).isEqualTo(ClaimStatus.SUBMITTED);

        as("auditor", practice).get("/submission-batches/" + id).then().statusCode(200).body("status", equalTo("SENT"));
        String x12 = as("biller", practice).get("/submission-batches/" + id + "/x12").then().statusCode(200)
                .contentType(startsWith("text/plain")).body(startsWith("ISA*")).extract().asString();
        assertThat(x12).contains("GS*HC*", "ST*837*0001*005010X222A1", "CLM*" + a.claim().patientControlNumber() + "*150.00",
                "CLM*" + b.claim().patientControlNumber() + "*150.00", "NM1*IL*1*Doe*Jane****MI*M12345");
        assertThat(clearinghouse.sent()).contains(x12);
        // another practice's batch is not found
        as("biller", ServiceRequests.practice()).get("/submission-batches/" + id).then().statusCode(404);
    }

    @Test
    void claimsThatAreNotReadyAre422NamingThem() {
        BillableClaim ok = ready(pcn(), ClaimStatus.READY);
        BillableClaim draft = ready(pcn(), ClaimStatus.DRAFT);
        submit(ok.claim().id(), draft.claim().id()).then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/claims-not-ready"))
                .body("detail", containsString(draft.claim().id() + " (DRAFT)"));
        assertThat(claims.status(ok.claim().id())).isEqualTo(ClaimStatus.READY);
    }

    @Test
    void unknownOrOtherPracticesClaimsAre404AndBadBodiesAre400() {
        BillableClaim ok = ready(pcn(), ClaimStatus.READY);
        submit(ok.claim().id(), UUID.randomUUID()).then().statusCode(404);
        as("biller", ServiceRequests.practice()).body(Map.of("claimIds", List.of(ok.claim().id())))
                .post("/submission-batches").then().statusCode(404);
        as("biller", practice).body(Map.of("claimIds", List.of())).post("/submission-batches").then().statusCode(400);
        as("registrar", practice).body(Map.of("claimIds", List.of(ok.claim().id()))).post("/submission-batches")
                .then().statusCode(403);
        assertThat(claims.status(ok.claim().id())).isEqualTo(ClaimStatus.READY);
    }

    @Test
    void aClearinghouseFailureLeavesTheBatchFailedAndTheClaimsReady() {
        BillableClaim a = ready(pcn(), ClaimStatus.READY);
        clearinghouse.fail("clearinghouse timed out");
        submit(a.claim().id()).then().statusCode(201).body("status", equalTo("FAILED"))
                .body("failure", equalTo("clearinghouse timed out"));
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.READY);
        clearinghouse.fail(null);
        submit(a.claim().id()).then().statusCode(201).body("status", equalTo("SENT"));
    }

    @Test
    void aClaimInABatchStillBeingSentIs409() throws Exception {
        BillableClaim a = ready(pcn(), ClaimStatus.READY);
        String batch = submit(a.claim().id()).then().statusCode(201).extract().path("id");
        // as if the first submission were between its two transactions, its claim still READY
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE submission_batch SET status = 'SENDING' WHERE id = '" + batch + "'");
        }
        claims.add(a);
        submit(a.claim().id()).then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/claims-being-submitted"))
                .body("detail", containsString(a.claim().id().toString()));
    }

    @Inject
    dev.revcycle.claims.app.ResolvingStaleBatches sweeper;

    @Test
    void aBatchLeftSendingPastTheTimeoutIsMarkedFailedItsClaimsAreReadyAgainWithHistoryAndCanBeSent() throws Exception {
        BillableClaim a = ready(pcn(), ClaimStatus.READY);
        BillableClaim b = ready(pcn(), ClaimStatus.READY);
        BillableClaim fresh = ready(pcn(), ClaimStatus.READY);
        String stale = submit(a.claim().id(), b.claim().id()).then().statusCode(201).extract().path("id");
        String live = submit(fresh.claim().id()).then().statusCode(201).extract().path("id");
        long gs06 = groupOf(stale);
        // as if the service had died between its two transactions 11 minutes ago (the stale one) and
        // 1 minute ago (still within the 10-minute timeout), the claims still READY
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE submission_batch SET status = 'SENDING', sent_at = NULL, clearinghouse_file_ids = '{}',"
                    + " created_at = now() - interval '11 minutes' WHERE id = '" + stale + "'");
            st.executeUpdate("UPDATE submission_batch SET status = 'SENDING', sent_at = NULL,"
                    + " created_at = now() - interval '1 minute' WHERE id = '" + live + "'");
        }
        claims.add(a);
        claims.add(b);
        claims.add(fresh);
        submit(a.claim().id()).then().statusCode(409);

        assertThat(sweeper.resolveOnce()).isGreaterThanOrEqualTo(1);

        as("biller", practice).get("/submission-batches/" + stale).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("failure", containsString("not confirmed within 10 minutes"))
                .body("failure", containsString("check its acknowledgements"));
        as("biller", practice).get("/submission-batches/" + live).then().statusCode(200).body("status", equalTo("SENDING"));
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.READY);
        assertThat(claims.moves()).anyMatch(m -> m.startsWith(a.claim().id() + " RECORDED submission Batch " + stale + " not confirmed"))
                .anyMatch(m -> m.startsWith(b.claim().id() + " RECORDED submission Batch " + stale + " not confirmed"))
                .noneMatch(m -> m.startsWith(fresh.claim().id() + " RECORDED"));
        submit(fresh.claim().id()).then().statusCode(409);

        // a second round leaves it alone
        int moves = claims.moves().size();
        sweeper.resolveOnce();
        assertThat(claims.moves().stream().filter(m -> m.contains(" RECORDED submission Batch " + stale))).hasSize(2);
        assertThat(claims.moves().size()).isGreaterThanOrEqualTo(moves);

        // a late 999 of the FAILED batch names no claim: the READY claims are not moved
        String isa13 = String.format("%09d", (System.nanoTime() & 0xFFFFFFF) % 999_999_999 + 1);
        acknowledge(x999(gs06, "R", isa13)).then().statusCode(200).body("claims", hasSize(0));
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.READY);

        // the biller sends them again: a new batch with a new interchange number
        Number staleIsa13 = as("biller", practice).get("/submission-batches/" + stale).then().extract().path("interchangeControlNumber");
        Number againIsa13 = submit(a.claim().id(), b.claim().id()).then().statusCode(201).body("status", equalTo("SENT"))
                .extract().path("interchangeControlNumber");
        assertThat(againIsa13.longValue()).isNotEqualTo(staleIsa13.longValue());
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.SUBMITTED);
    }

    private long groupOf(String batchId) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             var rows = st.executeQuery("SELECT group_number FROM submission_batch_transaction WHERE batch_id = '" + batchId + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Response acknowledge(String x12) {
        return as("biller").contentType("application/edi-x12").body(x12.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/acknowledgements");
    }

    private static String x999(long gs06, String ik5, String isa13) {
        String body = "AK1*HC*" + gs06 + "*005010X222A1~AK2*837*0001*005010X222A1~"
                + ("R".equals(ik5) ? "IK3*NM1*9*2010BA*8~IK4*9**7~IK5*R*5~AK9*R*1*1*0~" : "IK5*A~AK9*A*1*1*1~");
        int count = body.split("~").length + 2;
        return "ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       *261125*1000*^*00501*" + isa13
                + "*0*T*:~GS*FA*PAYERSANDBOX*REVCYCLE*20261125*1000*" + Long.parseLong(isa13) + "*X*005010X231A1~"
                + "ST*999*0001*005010X231A1~" + body + "SE*" + count + "*0001~GE*1*" + Long.parseLong(isa13) + "~IEA*1*" + isa13 + "~";
    }

    private static String x277(String pcn, String stc, String isa13) {
        return "ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       *261125*1000*^*00501*" + isa13
                + "*0*T*:~GS*HN*PAYERSANDBOX*REVCYCLE*20261125*1000*1*X*005010X214~ST*277*0001*005010X214~"
                + "BHT*0085*08*1*20261125*1000*TH~HL*1**20*1~NM1*PR*2*SANDBOX*****PI*SBX01~HL*2*1*21*1~"
                + "NM1*41*2*REVCYCLE*****46*REVCYCLE~HL*3*2*19*1~NM1*85*2*CLINIC*****XX*1234567893~HL*4*3*PT~"
                + "NM1*QC*1*DOE*JANE~TRN*2*" + pcn + "~STC*" + stc + "*20261125*WQ*150.00~REF*1K*PAYER" + isa13 + "~"
                + "SE*15*0001~GE*1*1~IEA*1*" + isa13 + "~";
    }

    @Test
    void a999RejectionRejectsTheBatchsClaimsAndTheSameFileTwiceChangesNothing() throws Exception {
        BillableClaim a = ready(pcn(), ClaimStatus.READY);
        String batch = submit(a.claim().id()).then().statusCode(201).extract().path("id");
        long gs06 = groupOf(batch);
        String isa13 = String.format("%09d", (System.nanoTime() & 0xFFFFFFF) % 999_999_999 + 1);
        String rejection = x999(gs06, "R", isa13);

        acknowledge(rejection).then().statusCode(200).body("fileType", equalTo("999")).body("duplicate", equalTo(false))
                .body("claims[0].claimId", equalTo(a.claim().id().toString()))
                .body("claims[0].outcome", equalTo("REJECTED"))
                .body("claims[0].codes", equalTo("999 IK5 R 5"))
                .body("claims[0].reason", containsString("segment NM1 at position 9 in loop 2010BA"));
        assertThat(claims.status(a.claim().id())).isEqualTo(ClaimStatus.REJECTED);
        int moves = claims.moves().size();

        acknowledge(rejection).then().statusCode(200).body("duplicate", equalTo(true)).body("claims", hasSize(0));
        assertThat(claims.moves()).hasSize(moves);
    }

    @Test
    void a277caA7RejectsA2AcceptsA1IsHistoryOnly() {
        BillableClaim rejected = ready(pcn(), ClaimStatus.READY);
        BillableClaim accepted = ready(pcn(), ClaimStatus.READY);
        BillableClaim received = ready(pcn(), ClaimStatus.READY);
        submit(rejected.claim().id(), accepted.claim().id(), received.claim().id()).then().statusCode(201);

        acknowledge(x277(rejected.claim().patientControlNumber(), "A7:562:85", "000000701")).then().statusCode(200)
                .body("claims[0].outcome", equalTo("REJECTED")).body("claims[0].codes", equalTo("A7:562:85"))
                .body("claims[0].reason", equalTo(
                        "Rejected for invalid information: entity's national provider identifier (NPI) (billing provider)"));
        acknowledge(x277(accepted.claim().patientControlNumber(), "A2:20", "000000702")).then().statusCode(200)
                .body("claims[0].outcome", equalTo("ACCEPTED")).body("claims[0].payerClaimNumber", equalTo("PAYER000000702"));
        acknowledge(x277(received.claim().patientControlNumber(), "A1:19", "000000703")).then().statusCode(200)
                .body("claims[0].outcome", equalTo("RECEIVED"));

        assertThat(claims.status(rejected.claim().id())).isEqualTo(ClaimStatus.REJECTED);
        assertThat(claims.status(accepted.claim().id())).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(claims.status(received.claim().id())).isEqualTo(ClaimStatus.SUBMITTED);
        // a claim we never sent is listed, not an error
        acknowledge(x277("NOSUCHCLAIM", "A2:20", "000000704")).then().statusCode(200)
                .body("claims", hasSize(0)).body("unmatched[0]", equalTo("claim NOSUCHCLAIM"));
    }

    @Test
    void aMalformedAcknowledgementIsA422ProblemNeverA500() {
        acknowledge("this is not x12").then().statusCode(422).body("type", equalTo("https://revcycle.dev/problems/unreadable-acknowledgement"));
        acknowledge(x277("X", "A2:20", "000000705").replace("TRN*2*X~", "")).then().statusCode(422)
                .body("detail", containsString("TRN*2"));
        as("biller").contentType("application/json").body("{}").post("/acknowledgements").then().statusCode(415);
    }

    @Test
    void perRequestStatementsAreBounded() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            var rows = st.executeQuery("SELECT count(*) FROM submission_batch WHERE practice_id = 'plans-big'");
            rows.next();
            if (rows.getLong(1) == 0) {
                st.execute("""
                        INSERT INTO submission_batch (id, practice_id, status, interchange_number, x12, claim_count, total_charge,
                                                      created_by, created_at, version)
                        SELECT gen_random_uuid(), 'plans-big', 'SENT', i, 'ISA', 1, 10.00, 'seed', now(), 1
                        FROM generate_series(1, 30000) AS i""");
                st.execute("""
                        INSERT INTO submission_batch_claim (batch_id, claim_id, group_number, transaction_number, position)
                        SELECT id, gen_random_uuid(), interchange_number + 1000000, '0001', 1 FROM submission_batch
                        WHERE practice_id = 'plans-big'""");
                st.execute("""
                        INSERT INTO acknowledgement_file (digest, file_type, sender_id, interchange_number, source, decisions,
                                                          received_by, received_at)
                        SELECT md5(i::text) || md5((i + 1)::text), '999', 'S', i::text, 'api', 0, 'seed', now()
                        FROM generate_series(1, 30000) AS i ON CONFLICT DO NOTHING""");
                st.execute("ANALYZE submission_batch");
                st.execute("ANALYZE submission_batch_claim");
                st.execute("ANALYZE acknowledgement_file");
            }
        }
        try (Connection c = db.getConnection()) {
            UUID any = UUID.randomUUID();
            QueryPlans.assertBounded(c, """
                    SELECT id, practice_id, status, interchange_number, claim_count, total_charge, failure,
                           array_to_string(clearinghouse_file_ids, ','), created_by, created_at, sent_at
                    FROM submission_batch WHERE id = ?""", any);
            QueryPlans.assertBounded(c, "SELECT claim_id FROM submission_batch_claim WHERE batch_id = ? ORDER BY position", any);
            QueryPlans.assertBounded(c, "SELECT x12 FROM submission_batch WHERE id = ?", any);
            QueryPlans.assertBounded(c, """
                    SELECT bc.claim_id FROM submission_batch_claim bc JOIN submission_batch b ON b.id = bc.batch_id
                    WHERE bc.claim_id = ANY(CAST(? AS uuid[])) AND b.status = 'SENDING'""", "{" + any + "," + UUID.randomUUID() + "}");
            QueryPlans.assertBounded(c, """
                    SELECT bc.transaction_number, bc.claim_id FROM submission_batch_claim bc
                    JOIN submission_batch b ON b.id = bc.batch_id AND b.status = 'SENT'
                    WHERE bc.group_number = ? ORDER BY bc.transaction_number, bc.position LIMIT 10001""", 1000077L);
            QueryPlans.assertBounded(c, """
                    INSERT INTO acknowledgement_file (digest, file_type, sender_id, interchange_number, source, decisions,
                                                      received_by, received_at)
                    VALUES (?, '999', 'S', '1', 'api', 0, 'x', now()) ON CONFLICT (digest) DO NOTHING""", "d-" + any);
            QueryPlans.assertBounded(c, "UPDATE submission_batch SET status = 'FAILED', failure = ?, version = version + 1"
                    + " WHERE id = ? AND status = 'SENDING'", "x", any);
            // the sweeper's statement (app/ResolvingStaleBatches), over 30,000 SENT batches
            QueryPlans.assertBounded(c, "SELECT id, interchange_number FROM submission_batch WHERE status = 'SENDING' AND sent_at IS NULL"
                    + " AND created_at < ? ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED", java.time.Instant.now());
        }
    }
}
