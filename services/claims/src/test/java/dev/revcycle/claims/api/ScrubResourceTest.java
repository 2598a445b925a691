package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /claims/{id}/scrub and GET /scrub-rules as a billing representative sees them. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ScrubResourceTest {
    private static final LocalDate DOS = LocalDate.now().minusDays(3);

    @Inject
    AgroalDataSource db;

    String practice;
    UUID patient;
    UUID coverage;
    UUID provider;

    @BeforeEach
    void seed() throws Exception {
        practice = ServiceRequests.practice();
        patient = UUID.randomUUID();
        coverage = UUID.randomUUID();
        provider = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            exec(c, "INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, tax_id, address_line1, address_city,"
                    + " address_state, address_postal_code, default_billing, version, created_at, updated_at)"
                    + " VALUES (?, ?, '1234567893', 'Scrub Clinic', 'ORGANIZATION', '207Q00000X', '123456789', '2 Clinic Rd',"
                    + " 'Springfield', 'IL', '627011234', TRUE, 1, now(), now())", provider, practice);
            exec(c, "INSERT INTO known_patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, applied_version, updated_at)"
                    + " VALUES (?, ?, 'MRN1', 'Ann', 'Zzscrub', DATE '1960-05-01', 'F', 1, now())", patient, practice);
            exec(c, "INSERT INTO known_coverage (id, patient_id, practice_id, payer_id, payer_name, payer_type, x12_payer_id,"
                    + " timely_filing_days, member_id, priority, subscriber_relationship, effective_date, applied_version, updated_at)"
                    + " VALUES (?, ?, ?, gen_random_uuid(), 'Sandbox Health', 'COMMERCIAL', 'SANDBOX1', 365, 'W123456789',"
                    + " 'PRIMARY', 'SELF', DATE '2020-01-01', 1, now())", coverage, patient, practice);
            exec(c, "INSERT INTO latest_eligibility (coverage_id, check_id, patient_id, practice_id, service_date, status, learnt_at)"
                    + " VALUES (?, gen_random_uuid(), ?, ?, ?, 'ACTIVE', now())", coverage, patient, practice, DOS);
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : params[i]);
            }
            s.executeUpdate();
        }
    }

    private Map<String, Object> claim(String procedureCode, String diagnosis) {
        return Map.of("practiceId", practice, "patientId", patient.toString(), "coverageId", coverage.toString(),
                "type", "PROFESSIONAL", "billingProviderId", provider.toString(), "placeOfService", "11",
                "diagnoses", List.of(diagnosis, "I10"),
                "lines", List.of(Map.of("procedureCode", procedureCode, "modifiers", List.of("25"), "units", 1,
                        "chargeAmount", new java.math.BigDecimal("125.00"), "serviceDate", DOS.toString(), "diagnosisPointers", List.of(1, 2))));
    }

    private String create(Map<String, Object> body) {
        return as("biller", practice).body(body).post("/claims").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response scrub(String id, String... practices) {
        return as("biller", practices.length == 0 ? new String[] {practice} : practices).post("/claims/" + id + "/scrub");
    }

    @Test
    void aCleanClaimBecomesReady() {
        String id = create(claim("99213", "E11.9"));
        scrub(id).then().statusCode(200)
                .body("status", equalTo("READY"))
                .body("clean", equalTo(true))
                .body("errors", empty())
                .body("warnings", empty());
        as("biller", practice).get("/claims/" + id).then().statusCode(200).body("status", equalTo("READY"));
        as("biller", practice).get("/claims/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", hasItem("READY"));
        // scrubbing a READY claim again keeps it READY
        scrub(id).then().statusCode(200).body("status", equalTo("READY"));
    }

    @Test
    void aBadClaimGetsReadableErrorsWithRuleIdsAndPathsAndStaysDraft() {
        String id = create(claim("9921", "250.00"));
        JsonPath body = scrub(id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("clean", equalTo(false))
                .body("errors.ruleId", hasItems("ICD9-CODE", "PROCEDURE-FORMAT"))
                .body("errors.path", hasItems("diagnoses[0]", "lines[0].procedureCode"))
                .extract().jsonPath();
        for (String message : body.<String>getList("errors.message")) {
            assertEquals(false, message.contains("250.00") || message.contains("Zzscrub"), message);
        }
        as("biller", practice).get("/claims/" + id + "/history").then().statusCode(200)
                .body("items.reason", hasItem(containsString("ICD9-CODE")));
    }

    @Test
    void aReadyClaimThatFailsGoesBackToDraft() throws Exception {
        String id = create(claim("99213", "E11.9"));
        scrub(id).then().statusCode(200).body("status", equalTo("READY"));
        try (Connection c = db.getConnection()) {
            exec(c, "UPDATE latest_eligibility SET status = 'INACTIVE' WHERE coverage_id = ?", coverage);
        }
        scrub(id).then().statusCode(200).body("status", equalTo("DRAFT")).body("errors.ruleId", hasItem("ELIGIBILITY-INACTIVE"));
    }

    @Test
    void aDuplicateOfASubmittedClaimIsAnError() throws Exception {
        String first = create(claim("99213", "E11.9"));
        try (Connection c = db.getConnection()) {
            exec(c, "UPDATE claim SET status = 'SUBMITTED' WHERE id = ?", UUID.fromString(first));
        }
        String second = create(claim("99213", "E11.9"));
        scrub(second).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("errors.ruleId", hasItem("DUPLICATE-CLAIM"));
        String other = create(claim("99214", "E11.9"));
        scrub(other).then().statusCode(200).body("status", equalTo("READY"))
                .body("errors.ruleId", not(hasItem("DUPLICATE-CLAIM")));
    }

    @Test
    void anotherPracticesClaimIsNotFound() {
        String id = create(claim("99213", "E11.9"));
        scrub(id, ServiceRequests.practice()).then().statusCode(404);
        as("biller", practice).get("/claims/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aSubmittedClaimIsNotScrubbed() throws Exception {
        String id = create(claim("99213", "E11.9"));
        try (Connection c = db.getConnection()) {
            exec(c, "UPDATE claim SET status = 'SUBMITTED' WHERE id = ?", UUID.fromString(id));
        }
        scrub(id).then().statusCode(422)
                .contentType(containsString("problem+json"))
                .body(containsString("claim-not-scrubbable"));
    }

    @Test
    void readersMayNotScrubButMayReadTheRules() {
        String id = create(claim("99213", "E11.9"));
        as("registrar", practice).post("/claims/" + id + "/scrub").then().statusCode(403);
        as("registrar", practice).get("/scrub-rules").then().statusCode(200)
                .body("id", hasItems("ICD10-FORMAT", "ICD9-CODE", "PROCEDURE-FORMAT", "DUPLICATE-CLAIM", "TIMELY-FILING"))
                .body("find { it.id == 'ELIGIBILITY-NOT-VERIFIED' }.severity", equalTo("WARNING"))
                .body("find { it.id == 'ICD10-FORMAT' }.description", not(empty()));
    }
}
