package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.patient;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.eligibility.api.Fixtures.payerBody;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static dev.revcycle.eligibility.api.Fixtures.uniqueLastName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.StrictInputContract;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that is not what the API says is a 400/413/415 problem naming what is wrong, never stored. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class StrictInputTest {
    private static final String VALIDATION = "https://revcycle.dev/problems/validation";

    private static String json(Map<String, Object> body) {
        return new ObjectMapper().valueToTree(body).toString();
    }

    /** A body as text with one member replaced by raw JSON. */
    private static String with(Map<String, Object> body, String field, String rawJson) {
        body.remove(field);
        String json = json(body);
        return json.substring(0, json.lastIndexOf('}')) + ", \"" + field + "\": " + rawJson + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timelyFilingDays|365.7|must be a whole number",
            "timelyFilingDays|\"365\"|must be a whole number",
            "timelyFilingDays|true|must be a whole number",
            "name|42|must be a string",
            "x12PayerId|12345|must be a string",
            "payerType|2|must be one of [MEDICARE, MEDICAID, COMMERCIAL, MANAGED_CARE, SELF_PAY, OTHER]"})
    void aPayerWithAValueOfTheWrongJsonTypeIsRefused(String field, String value, String message) {
        as("admin").body(with(payerBody(), field, value)).post("/payers").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message))
                .body("errors.size()", equalTo(1));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        as("admin").body(with(payerBody(), "timelyFilingDays", "30, \"timelyFilingDays\": 3650"))
                .post("/payers").then().statusCode(400)
                .body("errors[0].field", equalTo("timelyFilingDays"))
                .body("errors[0].message", equalTo("is given more than once"));
    }

    @Test
    void datesThatAreNumbersAreRefused() {
        String practice = practice();
        String patient = patient(practice);
        Map<String, Object> body = coverageBody(practice, patient, payer(), activeMemberId());
        as("registrar", practice).body(with(body, "effectiveDate", "12345")).post("/coverages").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("errors[0].message", equalTo("must be a real date in the form YYYY-MM-DD"));
        String coverage = coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        // 19840309 would have been the year 56290, sent in a 270 and in events failing their own schema
        as("registrar", practice).body("{\"coverageId\":\"" + coverage + "\",\"serviceDate\":19840309}")
                .post("/eligibility-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("serviceDate"))
                .body("errors[0].message", equalTo("must be a real date in the form YYYY-MM-DD"));
        as("registrar", practice).body("{\"coverageId\":\"" + coverage + "\",\"serviceDate\":\"2026-03-05\",\"serviceTypeCodes\":[30]}")
                .post("/eligibility-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("serviceTypeCodes[0]"))
                .body("errors[0].message", equalTo("must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sandbox Health 😀", "Salud José", "Health*Plan", "北京 Health"})
    void aPayerNameOutsideTheX12CharacterSetIsA400AtEntry(String name) {
        Map<String, Object> body = payerBody();
        body.put("name", name);
        as("admin").body(body).post("/payers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", startsWith("must be 1 to 60 characters of the X12 character set"));
    }

    @Test
    void aPayerNameWithTheExtendedCharacterSetIsAccepted() {
        Map<String, Object> body = payerBody();
        body.put("name", "Blue Cross & Blue Shield (IL) #4 | Gold");
        as("admin").body(body).post("/payers").then().statusCode(201).body("name", equalTo(body.get("name")));
    }

    @Test
    void aPatientsNameIsKeptAsGivenAndTransliteratedInThe270() {
        String practice = practice();
        String last = "Müller" + uniqueLastName().toLowerCase();
        String patient = patient(practice, "José", last, LocalDate.of(1984, 3, 9));
        String coverage = coverage(coverageBody(practice, patient, payer(), activeMemberId()));
        String check = as("registrar", practice)
                .body(Map.of("coverageId", coverage, "serviceDate", "2026-03-05", "serviceTypeCodes", List.of("30")))
                .post("/eligibility-checks").then().statusCode(201).extract().path("id");
        String x270 = as("registrar", practice).get("/eligibility-checks/" + check + "/x12/270").then().statusCode(200)
                .extract().asString();
        assertThat(x270).contains("NM1*IL*1*" + last.replace("ü", "u") + "*Jose****MI*");
        assertThat(x270.chars().allMatch(c -> c < 128)).as("only ASCII in the 270").isTrue();
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        StrictInputContract.assertBodyWithoutContentTypeIs415("/payers", TestTokens.token("admin"), json(payerBody()));
    }

    @Test
    void aBodyOverTheLimitIs413AsAProblem() {
        StrictInputContract.assertOversizedBodyIs413("/payers", TestTokens.token("admin"));
    }

    @Test
    void headersOverTheLimitAre431() {
        StrictInputContract.assertHeadersTooLargeIs431("/payers");
    }

    @Test
    void pagingIsStrictOnEveryList() {
        String practice = practice();
        String patient = patient(practice);
        StrictInputContract.assertPagingIsStrict("/payers", TestTokens.token("admin"));
        StrictInputContract.assertPagingIsStrict("/coverages?patientId=" + patient, TestTokens.token("registrar", practice));
    }
}
