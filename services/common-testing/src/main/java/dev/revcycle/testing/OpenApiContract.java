package dev.revcycle.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed OpenAPI document of a service ({@code shared-contracts/openapi/<service>.yaml})
 * must equal what the running service serves: the contract changes only on purpose. To change it,
 * run the service's tests with {@code -Drevcycle.openapi.update=true} and commit the file.
 */
public final class OpenApiContract {
    private OpenApiContract() {
    }

    public static void assertMatchesCommitted(String service) throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString().stripTrailing() + "\n";
        Path committed = Path.of("../../shared-contracts/openapi", service + ".yaml");
        if (Boolean.getBoolean("revcycle.openapi.update")) {
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(committed)) {
            throw new AssertionError(committed + " is missing; run the tests with -Drevcycle.openapi.update=true and commit it");
        }
        String expected = Files.readString(committed, StandardCharsets.UTF_8);
        if (!expected.equals(served)) {
            throw new AssertionError("the served OpenAPI document differs from " + committed
                    + "; if the change is intended, run with -Drevcycle.openapi.update=true and commit the file.\n"
                    + firstDifference(expected, served));
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n");
        String[] b = actual.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < b.length ? b[i] : "<end>";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": committed '" + left + "' served '" + right + "'";
            }
        }
        return "";
    }
}
