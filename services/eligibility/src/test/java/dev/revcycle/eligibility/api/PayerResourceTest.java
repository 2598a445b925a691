package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.payerBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class PayerResourceTest {
    @Test
    void anAdministratorAddsAPayerThatEveryoneCanRead() {
        Map<String, Object> body = payerBody();
        body.put("name", "  Medicare   Part B ");
        body.put("payerType", "MEDICARE");
        Response added = as("admin").body(body).post("/payers");
        added.then().statusCode(201)
                .header("Location", matchesPattern(".*/payers/[0-9a-f-]{36}$"))
                .body("name", equalTo("Medicare Part B"))
                .body("payerType", equalTo("MEDICARE"))
                .body("x12PayerId", equalTo(body.get("x12PayerId")))
                .body("timelyFilingDays", equalTo(365));
        String id = added.path("id");

        as("registrar", Fixtures.practice()).get("/payers/" + id).then().statusCode(200).body("name", equalTo("Medicare Part B"));
        as("biller").get("/payers?payerType=MEDICARE&size=200").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.payerType", everyItem(equalTo("MEDICARE")))
                .body("size", equalTo(200));
    }

    @Test
    void theX12PayerIdIsUnique() {
        Map<String, Object> body = payerBody();
        String first = as("admin").body(body).post("/payers").then().statusCode(201).extract().path("id");
        Map<String, Object> again = payerBody();
        again.put("x12PayerId", ((String) body.get("x12PayerId")).toLowerCase());
        again.put("name", "Another name");
        as("admin").body(again).post("/payers").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/duplicate-payer"))
                .body("existingPayerId", equalTo(first));
    }

    @Test
    void badInputIsA400NamingEachField() {
        as("admin").body(Map.of("name", "A*B", "payerType", "COMMERCIAL", "x12PayerId", "SBX 1", "timelyFilingDays", 0))
                .post("/payers").then().statusCode(400)
                .body("type", equalTo("https://revcycle.dev/problems/validation"))
                .body("errors.field", hasItems("name", "x12PayerId", "timelyFilingDays"));
        as("admin").body(Map.of("name", "X", "payerType", "BARTER", "x12PayerId", "X1", "timelyFilingDays", 30))
                .post("/payers").then().statusCode(400).body("errors.field", hasItems("payerType"));
        as("admin").body(Map.of("name", "X", "x12PayerId", "X1")).post("/payers").then().statusCode(400)
                .body("errors.field", hasItems("payerType", "timelyFilingDays"));
        as("admin").get("/payers?payerType=BARTER").then().statusCode(400).body("errors.field", hasItems("payerType"));
        as("admin").get("/payers?size=0").then().statusCode(400).body("errors.field", hasItems("size"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar", "biller", "poster", "collector", "auditor"})
    void onlyAdministratorsAddPayers(String role) {
        as(role).body(payerBody()).post("/payers").then().statusCode(403)
                .body("type", equalTo("https://revcycle.dev/problems/forbidden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"poster", "collector", "auditor", "payment-partner"})
    void othersMayNotReadPayers(String role) {
        as(role).get("/payers").then().statusCode(403);
    }

    @Test
    void anUnknownPayerIsNotFound() {
        as("admin").get("/payers/3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11").then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
    }
}
