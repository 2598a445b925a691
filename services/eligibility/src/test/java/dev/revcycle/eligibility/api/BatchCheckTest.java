package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.memberId;
import static dev.revcycle.eligibility.api.Fixtures.patient;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class BatchCheckTest {

    @Test
    void tomorrowsListChecksEveryActiveCoverageAndSaysWhyAPatientCouldNotBeChecked() {
        String practice = practice();
        String payer = payer();
        String insured = patient(practice);
        String primary = coverage(coverageBody(practice, insured, payer, activeMemberId()));
        Map<String, Object> secondaryBody = coverageBody(practice, insured, payer, memberId("00"));
        secondaryBody.put("priority", "SECONDARY");
        String secondary = coverage(secondaryBody);
        Map<String, Object> endedBody = coverageBody(practice, insured, payer, activeMemberId());
        endedBody.put("priority", "TERTIARY");
        endedBody.put("terminationDate", "2026-02-28");
        coverage(endedBody); // ended before the service date: not checked

        String uninsured = patient(practice);
        String unknown = UUID.randomUUID().toString();
        String otherPractice = practice();
        String elsewhere = patient(otherPractice);
        coverage(coverageBody(otherPractice, elsewhere, payer, activeMemberId()));

        as("registrar", practice)
                .body(Map.of("serviceDate", "2026-03-06", "patientIds", List.of(insured, uninsured, unknown, elsewhere)))
                .post("/eligibility-checks/batch").then().statusCode(200)
                .body("serviceDate", equalTo("2026-03-06"))
                .body("results.patientId", equalTo(List.of(insured, uninsured, unknown, elsewhere)))
                .body("results[0].error", nullValue())
                .body("results[0].checks.coverageId", equalTo(List.of(primary, secondary)))
                .body("results[0].checks.status", equalTo(List.of("ACTIVE", "INACTIVE")))
                .body("results[0].checks[0].benefits.copay", equalTo(25.0f))
                .body("results[1].error", equalTo("no active coverage"))
                .body("results[2].error", equalTo("unknown patient"))
                // another practice's patient is not revealed
                .body("results[3].error", equalTo("unknown patient"))
                .body("results[3].checks.size()", equalTo(0));
    }

    @Test
    void aBatchHoldsOneTo200Patients() {
        String practice = practice();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        as("registrar", practice).body(Map.of("serviceDate", "2026-03-06", "patientIds", tooMany))
                .post("/eligibility-checks/batch").then().statusCode(400).body("errors.field", hasItems("patientIds"));
        as("registrar", practice).body(Map.of("serviceDate", "2026-03-06", "patientIds", List.of()))
                .post("/eligibility-checks/batch").then().statusCode(400).body("errors.field", hasItems("patientIds"));
        as("registrar", practice).body(Map.of("patientIds", List.of(UUID.randomUUID())))
                .post("/eligibility-checks/batch").then().statusCode(400).body("errors.field", hasItems("serviceDate"));
        as("poster", practice).body(Map.of("serviceDate", "2026-03-06", "patientIds", List.of(UUID.randomUUID())))
                .post("/eligibility-checks/batch").then().statusCode(403);
    }
}
