package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.memberId;
import static dev.revcycle.eligibility.api.Fixtures.patient;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static dev.revcycle.testing.ServiceRequests.uniqueLastName;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.DebugLogProfile;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The service at DEBUG through coverage add and change and eligibility checks (answered, rejected,
 * timed out, in a batch): nothing it logs carries a member id, a date of birth or a name.
 */
@QuarkusTest
@TestProfile(DebugLogProfile.class)
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class PhiInDebugLogTest {

    @Test
    void coveragesAndChecksLogNoPhi() {
        String practice = practice();
        List<String> secrets = new ArrayList<>();
        String last = uniqueLastName();
        secrets.add(last);
        secrets.add(last.toUpperCase());
        String patient = patient(practice, "Ana", last, dateOfBirth(secrets));
        String payer = payer();

        String member = member("12", secrets);
        String primary = coverage(coverageBody(practice, patient, payer, member));
        Map<String, Object> spouse = coverageBody(practice, patient, payer, member("00", secrets));
        spouse.put("priority", "SECONDARY");
        spouse.put("subscriberRelationship", "SPOUSE");
        String spouseLast = uniqueLastName();
        secrets.add(spouseLast);
        secrets.add(spouseLast.toUpperCase());
        spouse.put("subscriber", Map.of("firstName", "Maria", "lastName", spouseLast,
                "dateOfBirth", dateOfBirth(secrets).toString()));
        String secondary = coverage(spouse);
        // refusals: a second primary, another practice
        as("registrar", practice).body(coverageBody(practice, patient, payer, member("12", secrets)))
                .post("/coverages").then().statusCode(409);
        as("registrar", practice()).body(coverageBody(practice, patient, payer, member("12", secrets)))
                .post("/coverages").then().statusCode(404);

        as("registrar", practice).body(Map.of("memberId", member("12", secrets))).patch("/coverages/" + primary)
                .then().statusCode(200);
        as("biller", practice).get("/coverages/" + secondary).then().statusCode(200);
        as("biller", practice).get("/coverages?patientId=" + patient).then().statusCode(200);

        check(practice, primary).then().statusCode(201);
        check(practice, secondary).then().statusCode(201);
        // rejected by the payer (99) and timed out (97): both recorded as ERROR and logged as such
        check(practice, coverage(coverageBody(practice, patient(practice, "Ana", last, LocalDate.of(1990, 1, 1)), payer,
                member("99", secrets)))).then().statusCode(201);
        check(practice, coverage(coverageBody(practice, patient(practice, "Ana", last, LocalDate.of(1990, 1, 1)), payer,
                member("97", secrets)))).then().statusCode(201);
        as("registrar", practice).body(Map.of("serviceDate", "2026-03-06", "patientIds", List.of(patient, UUID.randomUUID())))
                .post("/eligibility-checks/batch").then().statusCode(200);

        DebugLogProfile.assertLogCarriesNone(secrets);
    }

    private static io.restassured.response.Response check(String practice, String coverageId) {
        return as("registrar", practice)
                .body(Map.of("coverageId", coverageId, "serviceDate", "2026-03-05", "serviceTypeCodes", List.of("30")))
                .post("/eligibility-checks");
    }

    private static String member(String lastTwo, List<String> secrets) {
        String id = memberId(lastTwo);
        secrets.add(id);
        return id;
    }

    private static LocalDate dateOfBirth(List<String> secrets) {
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        secrets.add(born.toString());
        secrets.add(born.toString().replace("-", ""));
        return born;
    }
}
