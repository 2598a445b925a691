package dev.revcycle.patients.api;

import dev.revcycle.testing.ServiceRequests;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Requests as a front desk would send them; every patient gets a unique name (the shared part is common-testing's {@link ServiceRequests}). */
final class Fixtures {
    private Fixtures() {
    }

    static String practice() {
        return ServiceRequests.practice();
    }

    static String uniqueLastName() {
        return ServiceRequests.uniqueLastName();
    }

    static Map<String, Object> address() {
        Map<String, Object> address = new HashMap<>();
        address.put("line1", "12 Main St");
        address.put("city", "Springfield");
        address.put("state", "IL");
        address.put("postalCode", "62704");
        return address;
    }

    static Map<String, Object> patient(String practice) {
        Map<String, Object> body = new HashMap<>();
        body.put("practiceId", practice);
        body.put("firstName", "Ana");
        body.put("lastName", uniqueLastName());
        body.put("dateOfBirth", "1984-03-09");
        body.put("sex", "F");
        body.put("ssn", "123-45-6789");
        body.put("address", address());
        body.put("phone", "2175550199");
        body.put("email", "ana@example.com");
        return body;
    }

    static RequestSpecification as(String role, String... practices) {
        return ServiceRequests.as(role, practices);
    }

    /** Registers and returns the new patient's id. */
    static String register(Map<String, Object> body) {
        return as("registrar", (String) body.get("practiceId")).body(body)
                .post("/patients").then().statusCode(201).extract().path("id");
    }
}
