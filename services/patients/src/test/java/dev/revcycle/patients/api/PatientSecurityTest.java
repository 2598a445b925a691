package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.as;
import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PatientSecurityTest {
    @Inject
    AgroalDataSource db;

    @Test
    void noForgedOrExpiredTokenIsA401() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        given().get("/patients/" + id).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.forged("registrar", practice)).get("/patients/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("registrar", practice)).get("/patients/" + id).then().statusCode(401);
        given().auth().oauth2("not.a.jwt").get("/patients/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(patient(practice)).post("/patients").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"biller", "poster", "collector", "auditor", "payment-partner"})
    void onlyRegistrarsAndAdminsWrite(String role) {
        String practice = practice();
        as(role, practice).body(patient(practice)).post("/patients").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/forbidden"));
        String id = Fixtures.register(patient(practice));
        as(role, practice).body(Map.of("phone", "2175550100")).patch("/patients/" + id).then().statusCode(403);
        as(role, practice).post("/patients/" + id + "/returned-mail").then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar", "biller", "poster", "collector", "admin"})
    void readersMayRead(String role) {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        as(role, practice).get("/patients/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auditor", "payment-partner"})
    void othersMayNotReadPatients(String role) {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        as(role, practice).get("/patients/" + id).then().statusCode(403);
    }

    @Test
    void anotherPracticesPatientIsNotFoundAndTheAttemptIsAudited() {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        String outsider = practice();
        as("registrar", outsider).get("/patients/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        as("registrar", outsider).body(Map.of("phone", "2175550100")).patch("/patients/" + id).then().statusCode(404);
        as("registrar", outsider).post("/patients/" + id + "/returned-mail").then().statusCode(404);
        as("registrar", outsider).body(Map.of("dateOfDeath", "2026-01-01")).post("/patients/" + id + "/deceased").then().statusCode(404);
        as("registrar", outsider).get("/patients?practiceId=" + practice).then().statusCode(200).body("total", equalTo(0));
        // registering into a practice the token does not list
        as("registrar", outsider).body(patient(practice)).post("/patients").then().statusCode(404);

        as("auditor", practice).get("/audit-events?patientId=" + id).then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.action", hasItems("READ", "UPDATE", "MARK_ADDRESS_UNDELIVERABLE", "MARK_DECEASED"))
                .body("items.findAll { it.outcome == 'DENIED' }.actor", everyItem(equalTo("test-registrar")));
        // and an unchanged patient
        as("registrar", practice).get("/patients/" + id).then().statusCode(200).body("dateOfDeath", equalTo(null));
    }

    @Test
    void everyReadAndChangeIsAuditedForAuditorsOnly() {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String id = Fixtures.register(body);
        as("biller", practice).get("/patients/" + id).then().statusCode(200);
        as("registrar", practice).body(Map.of("phone", "2175550100")).patch("/patients/" + id).then().statusCode(200);
        as("collector", practice).queryParam("name", body.get("lastName")).get("/patients").then().statusCode(200);

        as("auditor", practice).get("/audit-events?patientId=" + id).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.action", equalTo(List.of("SEARCH", "UPDATE", "READ", "CREATE")))
                .body("items.actor", equalTo(List.of("test-collector", "test-registrar", "test-biller", "test-registrar")))
                .body("items.outcome", everyItem(equalTo("SUCCESS")));
        as("registrar", practice).get("/audit-events?patientId=" + id).then().statusCode(403);
        as("admin", practice).get("/audit-events?patientId=" + id).then().statusCode(403);
        // another practice's auditor: not found, like every other read of the patient
        as("auditor", practice()).get("/audit-events?patientId=" + id).then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        as("auditor", practice).get("/audit-events?patientId=" + java.util.UUID.randomUUID()).then().statusCode(404);
        as("auditor", practice).get("/audit-events").then().statusCode(400).body("errors.field", hasItems("patientId"));
        as("auditor", practice).get("/audit-events?patientId=nope").then().statusCode(400);
    }

    @Test
    void anotherPracticesAuditTrailIsNotFoundAndTheAttemptIsAudited() throws SQLException {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        String outsider = practice();
        as("auditor", outsider).get("/audit-events?patientId=" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        assertThat(auditRows(id)).containsExactly("CREATE SUCCESS test-registrar " + practice,
                "READ DENIED test-auditor " + practice);
        // the patient's own auditor sees the attempt
        as("auditor", practice).get("/audit-events?patientId=" + id).then().statusCode(200)
                .body("items.find { it.outcome == 'DENIED' }.actor", equalTo("test-auditor"));
    }

    private List<String> auditRows(String resourceId) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT action, outcome, actor, practice_id FROM phi_audit_event WHERE resource_id = '"
                     + resourceId + "' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }

    @Test
    void theServicesOwnDatabaseRoleCannotRewriteTheAudit() throws SQLException {
        String practice = practice();
        String id = Fixtures.register(patient(practice));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE phi_audit_event SET actor = 'someone-else' WHERE resource_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM phi_audit_event WHERE resource_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE phi_audit_event")).isInstanceOf(SQLException.class);
        }
        as("auditor", practice).get("/audit-events?patientId=" + id).then().body("total", equalTo(1))
                .body("items[0].actor", equalTo("test-registrar"));
    }

    @Test
    void aTokenWithSeveralPracticesSeesEachOfThem() {
        String a = practice();
        String b = practice();
        String inA = Fixtures.register(patient(a));
        String inB = Fixtures.register(patient(b));
        String token = TestTokens.token("front-desk", Set.of("registrar"), List.of(a, b));
        given().auth().oauth2(token).get("/patients/" + inA).then().statusCode(200);
        given().auth().oauth2(token).get("/patients/" + inB).then().statusCode(200);
        assertThat(given().auth().oauth2(token).get("/patients").then().statusCode(200).extract().<Integer>path("total")).isEqualTo(2);
    }
}
