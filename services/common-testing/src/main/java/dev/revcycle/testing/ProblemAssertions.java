package dev.revcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** What every service's refusals look like to a client, checked one way. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    /**
     * A 400 {@code validation} problem whose {@code errors} name {@code field} with a message
     * containing {@code message}, and whose body quotes none of {@code notEchoed} (submitted values,
     * which may be PHI), no exception and no SQL.
     */
    public static void assertFieldRefused(Response response, String field, String message, String... notEchoed) {
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://revcycle.dev/problems/validation");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains(field);
        assertThat(response.jsonPath().getString("errors.find { it.field == '" + field + "' }.message")).contains(message);
        String body = response.asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("SELECT");
        for (String value : notEchoed) {
            assertThat(body).doesNotContain(value);
        }
    }
}
