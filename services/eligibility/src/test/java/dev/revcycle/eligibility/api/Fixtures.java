package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.support.PatientsTopic;
import dev.revcycle.testing.ServiceRequests;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Requests as a front desk would send them; every practice, payer and member is new (the shared part is common-testing's {@link ServiceRequests}). */
final class Fixtures {
    private Fixtures() {
    }

    static String practice() {
        return ServiceRequests.practice();
    }

    static RequestSpecification as(String role, String... practices) {
        return ServiceRequests.as(role, practices);
    }

    /** A member id that the sandbox answers by its last two digits (e.g. "00" inactive, "99" rejected). */
    static String memberId(String lastTwo) {
        return "M" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L) + lastTwo;
    }

    /** An active member in the sandbox: the last two digits avoid every fault and special rule. */
    static String activeMemberId() {
        return memberId("12");
    }

    static String uniqueLastName() {
        return ServiceRequests.uniqueLastName();
    }

    static Map<String, Object> payerBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Sandbox Health");
        body.put("payerType", "COMMERCIAL");
        body.put("x12PayerId", "SBX" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        body.put("timelyFilingDays", 365);
        return body;
    }

    /** Adds a payer as an administrator and returns its id. */
    static String payer() {
        return as("admin").body(payerBody()).post("/payers").then().statusCode(201).extract().path("id");
    }

    /** Publishes PatientRegistered as the patients service would, and waits until eligibility knows the patient. */
    static String patient(String practice) {
        return patient(practice, "Ana", uniqueLastName(), LocalDate.of(1984, 3, 9));
    }

    static String patient(String practice, String firstName, String lastName, LocalDate dateOfBirth) {
        UUID id = UUID.randomUUID();
        PatientsTopic.send(id.toString(), PatientsTopic.registered(id, practice,
                PatientsTopic.demographics(firstName, lastName, dateOfBirth)));
        awaitKnown(id, Duration.ofSeconds(60));
        return id.toString();
    }

    static void awaitKnown(UUID patientId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (PatientsTopic.known(patientId)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("eligibility did not learn of patient " + patientId + " within " + timeout);
    }

    static Map<String, Object> coverageBody(String practice, String patientId, String payerId, String memberId) {
        Map<String, Object> body = new HashMap<>();
        body.put("practiceId", practice);
        body.put("patientId", patientId);
        body.put("payerId", payerId);
        body.put("memberId", memberId);
        body.put("groupNumber", "GRP-4400");
        body.put("planName", "Sandbox PPO");
        body.put("priority", "PRIMARY");
        body.put("subscriberRelationship", "SELF");
        body.put("effectiveDate", "2026-01-01");
        return body;
    }

    /** Adds a coverage and returns its id. */
    static String coverage(Map<String, Object> body) {
        return as("registrar", (String) body.get("practiceId")).body(body).post("/coverages")
                .then().statusCode(201).extract().path("id");
    }

    /** A practice's patient with an active primary coverage for {@code memberId}: its coverage id. */
    static String coverageFor(String practice, String memberId) {
        return coverage(coverageBody(practice, patient(practice), payer(), memberId));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
