package dev.revcycle.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.revcycle.eligibility.support.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class HealthTest {
    @Test
    void readyChecksTheDatabaseAndKafkaWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/coverages?patientId=3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
