package dev.revcycle.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every service's API tests start from: a request as a caller with a role and practices, a
 * practice of its own for each test (so tests never see each other's records), and unique names.
 */
public final class ServiceRequests {
    private ServiceRequests() {
    }

    /** A practice code no other test uses. */
    public static String practice() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON request with a bearer token for {@code role} in {@code practices}. */
    public static RequestSpecification as(String role, String... practices) {
        return given().auth().oauth2(TestTokens.token(role, practices)).contentType(ContentType.JSON);
    }

    /** A last name no other test uses: "Zz" and ten letters, so it sorts last and is easy to spot. */
    public static String uniqueLastName() {
        StringBuilder name = new StringBuilder("Zz");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
