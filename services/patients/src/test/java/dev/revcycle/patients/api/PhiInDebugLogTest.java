package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;

import dev.revcycle.testing.DebugLogProfile;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The service at DEBUG through registration, change, merge and their refusals: nothing it logs
 * carries a patient's SSN, date of birth or name.
 */
@QuarkusTest
@TestProfile(DebugLogProfile.class)
@QuarkusTestResource(RevcycleTestResource.class)
class PhiInDebugLogTest {

    @Test
    void registrationChangeAndMergeLogNoPhi() {
        String practice = practice();
        List<String> secrets = new ArrayList<>();

        Map<String, Object> body = patient(practice);
        String ssn = ssn(secrets);
        body.put("ssn", ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5));
        body.put("dateOfBirth", dateOfBirth(secrets));
        body.put("guarantor", Map.of("firstName", "Maria", "lastName", body.get("lastName"), "relationship", "SPOUSE",
                "phone", "2175550100"));
        secrets.add((String) body.get("lastName"));
        String key = UUID.randomUUID().toString();
        String id = as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients")
                .then().statusCode(201).extract().path("id");
        as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients").then().statusCode(201);
        // the same person again: a conflict; then registered anyway, to be merged
        as("registrar", practice).body(body).post("/patients").then().statusCode(409);
        String duplicate = as("registrar", practice).body(body).post("/patients?allowDuplicate=true")
                .then().statusCode(201).extract().path("id");
        // refusals: an invalid field beside a valid SSN, a registration into another practice
        Map<String, Object> invalid = new HashMap<>(body);
        invalid.put("email", "not-an-email");
        as("registrar", practice).body(invalid).post("/patients").then().statusCode(400);
        as("registrar", practice()).body(body).post("/patients").then().statusCode(404);

        as("biller", practice).get("/patients/" + id).then().statusCode(200);
        as("biller", practice).queryParam("name", body.get("lastName")).get("/patients").then().statusCode(200);
        as("biller", practice).queryParam("dateOfBirth", body.get("dateOfBirth")).get("/patients").then().statusCode(200);

        String newSsn = ssn(secrets);
        as("registrar", practice).header("If-Match", "\"1\"")
                .body(Map.of("ssn", newSsn, "dateOfBirth", dateOfBirth(secrets), "phone", "2175550123"))
                .patch("/patients/" + id).then().statusCode(200);
        as("registrar", practice).header("If-Match", "\"0\"").body(Map.of("ssn", ssn(secrets)))
                .patch("/patients/" + id).then().statusCode(412);
        as("registrar", practice()).body(Map.of("ssn", ssn(secrets))).patch("/patients/" + id).then().statusCode(404);
        as("registrar", practice).post("/patients/" + id + "/returned-mail").then().statusCode(200);

        as("registrar", practice).body(Map.of("duplicateId", duplicate)).post("/patients/" + id + "/merge").then().statusCode(200);
        as("registrar", practice).body(Map.of("duplicateId", duplicate)).post("/patients/" + id + "/merge").then().statusCode(409);
        as("registrar", practice).body(Map.of("dateOfDeath", LocalDate.now().minusDays(1).toString()))
                .post("/patients/" + id + "/deceased").then().statusCode(200);
        as("auditor", practice).get("/audit-events?patientId=" + id).then().statusCode(200);

        DebugLogProfile.assertLogCarriesNone(secrets);
    }

    /** A valid SSN no other test uses; its digits and its dashed form are secrets. */
    private static String ssn(List<String> secrets) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String ssn = String.format("%03d%02d%04d", random.nextInt(100, 666), random.nextInt(10, 100), random.nextInt(1000, 10000));
        secrets.add(ssn);
        secrets.add(ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5));
        return ssn;
    }

    private static String dateOfBirth(List<String> secrets) {
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        secrets.add(born.toString());
        secrets.add(born.toString().replace("-", ""));
        return born.toString();
    }
}
