package dev.revcycle.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.sandbox.Claims837Builder;
import dev.revcycle.sandbox.Claims837Builder.TestClaim;
import dev.revcycle.sandbox.Claims837Builder.TestLine;
import dev.revcycle.sandbox.Remittances835;
import dev.revcycle.sandbox.remittance.PendingClaims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * 837 in → 277CA → POST /remittance-runs → the 835 in the submitter's mailbox, over HTTP. Every test uses a
 * submitter of its own, since target/test-mailbox keeps other tests' (and earlier builds') claims.
 */
@QuarkusTest
class RemittanceRunResourceTest {

    private static String newSubmitter() {
        return "RR" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static List<String> submit(String x12) {
        return given().contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.UTF_8)).post("/x12/837")
                .then().statusCode(202).extract().jsonPath().getList("fileIds");
    }

    private static JsonPath run(String body) {
        var request = given();
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/remittance-runs").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    private static List<Map<String, Object>> filesOf(JsonPath run, String submitter) {
        List<Map<String, Object>> files = run.getList("files");
        return files.stream().filter(f -> submitter.equals(f.get("submitter"))).toList();
    }

    private static String download(Object id) {
        return given().get("/mailbox/" + id).then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
    }

    private static List<Map<String, Object>> mailbox(String submitter) {
        return given().queryParam("submitter", submitter).queryParam("limit", 1000).get("/mailbox").then()
                .statusCode(200).extract().jsonPath().getList("files");
    }

    @Test
    void anAcceptedClaimIsPaidInAn835AndAnR69RejectedOneNever() throws Exception {
        String submitter = newSubmitter();
        List<String> acks = submit(new Claims837Builder(submitter).claims(
                TestClaim.of("PCN-OK", TestLine.of("99213", "150.00").control("LINE-1")),
                TestClaim.of("PCN-R69", TestLine.of("99213", "150.00")).diagnosis("R69")).build());
        String ca = download(acks.get(1));
        String payerClaimNumber = ca.lines().filter(l -> l.startsWith("REF*1K*")).findFirst().orElseThrow()
                        .replace("REF*1K*", "").replace("~", "").strip();
        assertThat(ca).contains("STC*A2:20", "STC*A7:21");

        JsonPath run = run("{}");

        assertThat(run.getString("runId")).isNotBlank();
        List<Map<String, Object>> files = filesOf(run, submitter);
        assertThat(files).hasSize(1);
        Map<String, Object> file = files.get(0);
        assertThat(file).containsEntry("payerId", "SBX01").containsEntry("claims", 1);
        assertThat(file.get("paymentAmount").toString()).isEqualTo("95.0");
        assertThat(file.get("traceNumber").toString()).isNotBlank();
        assertThat(mailbox(submitter)).extracting(f -> f.get("type")).containsExactly("999", "277CA", "835");

        String x12 = download(file.get("fileId"));
        assertThat(Remittances835.imswebErrors(x12)).isEmpty();
        assertThat(Remittances835.assertBalanced(x12)).isEqualByComparingTo("95.00");
        assertThat(Remittances835.claim(x12, "PCN-OK", "1")).contains(
                "CLP*PCN-OK*1*150.00*95.00*25.00*12*" + payerClaimNumber + "*11*1",
                "SVC*HC:99213*150.00*95.00**1", "CAS*CO*45*30.00", "CAS*PR*3*25.00", "REF*6R*LINE-1",
                "AMT*B6*120.00");
        assertThat(Remittances835.segments(x12)).contains("TRN*1*" + file.get("traceNumber") + "*"
                + Remittances835.segments(x12).get(1).split("\\*")[3]).noneMatch(s -> s.contains("PCN-R69"));

        // A second run pays nothing again.
        assertThat(filesOf(run(null), submitter)).isEmpty();
        assertThat(mailbox(submitter)).hasSize(3);
    }

    @Test
    void theReversalClaimIsReversedByTheNextRun() throws Exception {
        String submitter = newSubmitter();
        submit(new Claims837Builder(submitter).claims(TestClaim.of("PCN-REV", TestLine.of("99204", "150.00"))).build());

        Map<String, Object> paid = filesOf(run("{}"), submitter).get(0);
        assertThat(Remittances835.segments(download(paid.get("fileId")))).anyMatch(s -> s.startsWith("CLP*PCN-REV*1*"));
        List<Map<String, Object>> next = filesOf(run("{}"), submitter);

        assertThat(next).hasSize(1);
        assertThat(next.get(0).get("paymentAmount").toString()).isEqualTo("0.0");
        String x12 = download(next.get(0).get("fileId"));
        Remittances835.assertBalanced(x12);
        assertThat(Remittances835.imswebErrors(x12)).isEmpty();
        assertThat(Remittances835.segments(x12)).filteredOn(s -> s.startsWith("CLP*"))
                .singleElement().asString().startsWith("CLP*PCN-REV*22*-150.00*-120.00*0*12*SBX");
        assertThat(filesOf(run("{}"), submitter)).isEmpty();
    }

    @Test
    void throughKeepsLaterClaimsPendingAndPendingClaimsSurviveARestart() throws Exception {
        String submitter = newSubmitter();
        submit(new Claims837Builder(submitter).claims(TestClaim.of("PCN-KEPT", TestLine.of("99212", "40.00"))).build());

        assertThat(filesOf(run("{\"through\":\"2000-01-01\"}"), submitter)).isEmpty();
        // A new store over the same directory (a restart) still has the claim pending.
        PendingClaims restarted = new PendingClaims(Path.of("target/test-mailbox"));
        assertThat(restarted.pending(null)).extracting(c -> c.claim().claimId() + "@" + c.claim().submitter())
                .contains("PCN-KEPT@" + submitter);

        List<Map<String, Object>> files = filesOf(run("{\"through\":\"" + java.time.LocalDate.now(
                java.time.ZoneOffset.UTC).plusDays(1) + "\"}"), submitter);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("paymentAmount").toString()).isEqualTo("32.0");
        assertThat(new PendingClaims(Path.of("target/test-mailbox")).pending(null))
                .noneMatch(c -> c.claim().submitter().equals(submitter));
    }

    @Test
    void aRunWithNothingPendingAnswersAnEmptyListAndWritesNothing() {
        run(null);
        run(null); // releases reversals the first one left due
        long before = given().get("/mailbox?limit=1000").then().extract().jsonPath().getLong("next");

        given().contentType("application/json").body("{}").post("/remittance-runs").then().statusCode(200)
                .body("files.size()", equalTo(0));
        given().post("/remittance-runs").then().statusCode(200).body("files.size()", equalTo(0));

        given().get("/mailbox?after=" + before).then().statusCode(200).body("files.size()", equalTo(0));
    }

    @Test
    void aBadThroughOrBodyIsA400Problem() {
        for (String body : List.of("{\"through\":\"2026-02-30\"}", "{\"through\":\"03/05/2026\"}",
                "{\"through\":20260305}", "not json", "[]")) {
            given().contentType("application/json").body(body).post("/remittance-runs").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://revcycle.dev/problems/bad-request"))
                    .body("detail", containsString("through"));
        }
    }
}
