package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverageFor;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class SecurityTest {
    @Inject
    AgroalDataSource db;

    @Test
    void noForgedOrExpiredTokenIsA401() {
        String practice = practice();
        String coverage = coverageFor(practice, activeMemberId());
        given().get("/coverages/" + coverage).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.forged("registrar", practice)).get("/coverages/" + coverage).then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("registrar", practice)).get("/coverages/" + coverage).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("coverageId", coverage, "serviceDate", "2026-03-05"))
                .post("/eligibility-checks").then().statusCode(401);
        given().get("/payers").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"poster", "collector", "auditor", "payment-partner"})
    void onlyRegistrarsBillersAndAdminsWorkWithCoveragesAndChecks(String role) {
        String practice = practice();
        String coverage = coverageFor(practice, activeMemberId());
        as(role, practice).get("/coverages/" + coverage).then().statusCode(403)
                .body("type", equalTo("https://revcycle.dev/problems/forbidden"));
        as(role, practice).body(Map.of("planName", "X")).patch("/coverages/" + coverage).then().statusCode(403);
        as(role, practice).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + coverage + "/terminate")
                .then().statusCode(403);
        as(role, practice).body(Map.of("coverageId", coverage, "serviceDate", "2026-03-05")).post("/eligibility-checks")
                .then().statusCode(403);
        // and nothing happened
        as("registrar", practice).get("/coverages/" + coverage).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
    }

    @Test
    void everyReadAndChangeOfACoverageIsAuditedAndADeniedOneToo() throws Exception {
        String practice = practice();
        String coverage = coverageFor(practice, activeMemberId());
        as("biller", practice).get("/coverages/" + coverage).then().statusCode(200);
        as("registrar", practice).body(Map.of("planName", "Gold")).patch("/coverages/" + coverage).then().statusCode(200);
        as("registrar", practice()).get("/coverages/" + coverage).then().statusCode(404);
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, outcome, actor FROM phi_audit_event WHERE resource_id = '"
                     + coverage + "' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(rows).containsExactly("CREATE SUCCESS test-registrar", "READ SUCCESS test-biller",
                "UPDATE SUCCESS test-registrar", "READ DENIED test-registrar");
    }

    @Test
    void namingAnotherPracticesPatientIsNotFoundEverywhereAndEachAttemptIsAudited() throws Exception {
        String practice = practice();
        String patient = Fixtures.patient(practice);
        String coverage = Fixtures.coverage(Fixtures.coverageBody(practice, patient, Fixtures.payer(), activeMemberId()));
        String outsider = practice();

        // adding a coverage to it
        as("registrar", outsider).body(Fixtures.coverageBody(outsider, patient, Fixtures.payer(), activeMemberId()))
                .post("/coverages").then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        // listing its coverages
        as("registrar", outsider).get("/coverages?patientId=" + patient).then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        // checking it in a batch: that line says "unknown patient", nothing is checked
        as("registrar", outsider).body(Map.of("serviceDate", "2026-03-06", "patientIds", List.of(patient)))
                .post("/eligibility-checks/batch").then().statusCode(200)
                .body("results[0].error", equalTo("unknown patient"))
                .body("results[0].checks.size()", equalTo(0));

        assertThat(auditRows(patient)).containsExactly(
                "READ DENIED test-registrar " + practice,
                "SEARCH DENIED test-registrar " + practice,
                "READ DENIED test-registrar " + practice);
        // and the patient's own coverage was neither read nor checked by the outsider
        assertThat(auditRows(coverage)).containsExactly("CREATE SUCCESS test-registrar " + practice);
    }

    private List<String> auditRows(String resourceId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, outcome, actor, practice_id FROM phi_audit_event WHERE resource_id = '"
                     + resourceId + "' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }
}
