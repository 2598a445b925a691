package dev.revcycle.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What ops expect of every service: health without a token, readiness on its database and Kafka, Prometheus metrics. */
public final class HealthContract {
    private HealthContract() {
    }

    /** @param protectedPath any endpoint that needs a token, to make sure HTTP metrics are recorded */
    public static void assertHealthAndMetrics(String protectedPath) {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(protectedPath).then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
