package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PolicyResourceTest {
    @Test
    void aPracticeHasTheDefaultsUntilItSetsItsOwn() {
        String p = practice();
        as("auditor", p).get("/practices/" + p + "/policy").then().statusCode(200)
                .body("defaults", equalTo(true)).body("statementCycleDays", equalTo(30)).body("dunningLevels", equalTo(4))
                .body("gracePeriodDays", equalTo(10)).body("smallBalanceThreshold", equalTo(5.0f))
                .body("placementAfterDays", equalTo(120)).body("minimumPlacementBalance", equalTo(25.0f))
                .body("targetCollectionRate", equalTo(0.95f)).body("planMinimumInstallment", equalTo(25.0f))
                .body("agency", nullValue()).body("version", nullValue());
    }

    @Test
    void putReplacesThePolicyAndLeavesOutFieldsAtTheirDefaults() {
        String p = practice();
        as("collector", p).body("""
                {"statementCycleDays":28,"dunningLevels":3,"smallBalanceThreshold":2.50,"targetCollectionRate":0.97,
                 "agency":{"name":"Midwest Recovery","id":"MWR-0042"}}""").put("/practices/" + p + "/policy")
                .then().statusCode(200).body("defaults", equalTo(false)).body("statementCycleDays", equalTo(28))
                .body("dunningLevels", equalTo(3)).body("smallBalanceThreshold", equalTo(2.5f))
                .body("placementAfterDays", equalTo(120)).body("agency.id", equalTo("MWR-0042")).body("version", equalTo(1));
        as("admin", p).body("{\"gracePeriodDays\":15}").put("/practices/" + p + "/policy").then().statusCode(200)
                .body("gracePeriodDays", equalTo(15)).body("statementCycleDays", equalTo(30)).body("agency", nullValue())
                .body("version", equalTo(2));
        as("biller", p).get("/practices/" + p + "/policy").then().statusCode(200).body("gracePeriodDays", equalTo(15))
                .body("updatedBy", equalTo("test-admin"));
    }

    @Test
    void badValuesAre400NamingEachFieldAndInconsistentPeriods422() {
        String p = practice();
        ProblemAssertions.assertFieldRefused(as("collector", p).body("""
                {"statementCycleDays":3,"dunningLevels":5,"gracePeriodDays":-1,"smallBalanceThreshold":5.001,
                 "placementAfterDays":10000,"targetCollectionRate":1.5,"planMinimumInstallment":0,
                 "agency":{"name":" ","id":"bad id!"}}""").put("/practices/" + p + "/policy"),
                "statementCycleDays", "from 7 to 90");
        var r = as("collector", p).body("{\"dunningLevels\":5,\"agency\":{\"id\":\"x\"}}").put("/practices/" + p + "/policy");
        ProblemAssertions.assertFieldRefused(r, "dunningLevels", "from 1 to 4");
        ProblemAssertions.assertFieldRefused(r, "agency.name", "required");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"statementCycleDays\":\"30\"}")
                .put("/practices/" + p + "/policy"), "statementCycleDays", "");
        as("collector", p).body("{\"statementCycleDays\":60,\"dunningLevels\":4,\"placementAfterDays\":90}")
                .put("/practices/" + p + "/policy").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/policy-inconsistent"));
        as("collector", p).put("/practices/" + p + "/policy").then().statusCode(400);
        as("collector", p).get("/practices/" + p + "/policy").then().body("defaults", equalTo(true));
    }

    @Test
    void rolesAndPractices() {
        String p = practice();
        as("biller", p).body("{}").put("/practices/" + p + "/policy").then().statusCode(403);
        as("auditor", p).body("{}").put("/practices/" + p + "/policy").then().statusCode(403);
        as("registrar", p).get("/practices/" + p + "/policy").then().statusCode(403);
        as("collector", "other").get("/practices/" + p + "/policy").then().statusCode(404);
        as("collector", "other").body("{}").put("/practices/" + p + "/policy").then().statusCode(404);
        io.restassured.RestAssured.given().get("/practices/" + p + "/policy").then().statusCode(401);
    }
}
