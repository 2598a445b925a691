package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.as;
import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static dev.revcycle.patients.api.Fixtures.register;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.StrictInputContract;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that is not what the API says is a 400/413/415 problem naming what is wrong, never stored. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StrictInputTest {
    private static final String VALIDATION = "https://revcycle.dev/problems/validation";

    /** The registration body as text with one member replaced by raw JSON. */
    private static String registrationWith(String practice, String field, String rawJson) {
        Map<String, Object> body = patient(practice);
        body.remove(field);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body).toString();
        return json.substring(0, json.lastIndexOf('}')) + ", \"" + field + "\": " + rawJson + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dateOfBirth|5000|must be a real date in the form YYYY-MM-DD",
            "dateOfBirth|19840309|must be a real date in the form YYYY-MM-DD",
            "dateOfBirth|[1984,3,9]|must be a real date in the form YYYY-MM-DD",
            "firstName|42|must be a string",
            "lastName|true|must be a string",
            "ssn|123456789|must be a string",
            "sex|1|must be one of [F, M, U]"})
    void aRegistrationWithAValueOfTheWrongJsonTypeIsRefused(String field, String value, String message) {
        String practice = practice();
        as("registrar", practice).body(registrationWith(practice, field, value)).post("/patients").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message))
                .body("errors.size()", equalTo(1));
    }

    @Test
    void aNestedValueOfTheWrongTypeIsNamedByItsPath() {
        String practice = practice();
        as("registrar", practice).body(registrationWith(practice, "address",
                        "{\"line1\":12,\"city\":\"Springfield\",\"state\":\"IL\",\"postalCode\":\"62704\"}"))
                .post("/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("address.line1"))
                .body("errors[0].message", equalTo("must be a string"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String practice = practice();
        as("registrar", practice).body(registrationWith(practice, "firstName", "\"Ana\", \"firstName\": \"Bob\""))
                .post("/patients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("firstName"))
                .body("errors[0].message", equalTo("is given more than once"));
    }

    @Test
    void aDeathDateThatIsANumberIsRefused() {
        String practice = practice();
        String id = register(patient(practice));
        as("registrar", practice).body("{\"dateOfDeath\": 12345}").post("/patients/" + id + "/deceased").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfDeath"))
                .body("errors[0].message", equalTo("must be a real date in the form YYYY-MM-DD"));
        // nothing changed
        as("registrar", practice).get("/patients/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aMergePatchIsAsStrictAsARegistration() {
        String practice = practice();
        String id = register(patient(practice));
        as("registrar", practice).contentType("application/merge-patch+json").body("{\"dateOfBirth\": 5000}")
                .patch("/patients/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        as("registrar", practice).contentType("application/merge-patch+json")
                .body("{\"phone\": \"2175550111\", \"phone\": \"2175550122\"}")
                .patch("/patients/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"))
                .body("errors[0].message", equalTo("is given more than once"));
        as("registrar", practice).get("/patients/" + id).then().statusCode(200)
                .body("dateOfBirth", equalTo("1984-03-09")).body("phone", equalTo("2175550199"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        String practice = practice();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(patient(practice)).toString();
        StrictInputContract.assertBodyWithoutContentTypeIs415("/patients", TestTokens.token("registrar", practice), body);
    }

    @Test
    void aBodyOverTheLimitIs413AsAProblem() {
        StrictInputContract.assertOversizedBodyIs413("/patients", TestTokens.token("registrar", practice()));
    }

    @Test
    void headersOverTheLimitAre431() {
        StrictInputContract.assertHeadersTooLargeIs431("/patients");
    }

    @Test
    void pagingIsStrictOnEveryList() {
        String practice = practice();
        String id = register(patient(practice));
        StrictInputContract.assertPagingIsStrict("/patients?practiceId=" + practice, TestTokens.token("registrar", practice));
        StrictInputContract.assertPagingIsStrict("/audit-events?patientId=" + id, TestTokens.token("auditor", practice));
    }
}
