package dev.revcycle.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

/**
 * What ops expect of every service: health without a token, readiness on its database only (Kafka
 * in the health group {@code kafka}: while the broker is away writes go on through the outbox, so an
 * instance stays in its Service), Prometheus metrics including the outbox's.
 */
public final class HealthContract {
    private static final String DATABASE_CHECK = "Database connections health check";

    private HealthContract() {
    }

    /** @param protectedPath any endpoint that needs a token, to make sure HTTP metrics are recorded */
    public static void assertHealthAndMetrics(String protectedPath) {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(DATABASE_CHECK))
                .body("checks.name", not(hasItem("kafka")));
        awaitKafkaGroup(200, Duration.ofSeconds(20));
        given().get("/q/health/group/kafka").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "outbox-relay"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(protectedPath).then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("revcycle_outbox_backlog"))
                .body(containsString("revcycle_outbox_oldest_unsent_age_seconds"))
                .body(containsString("revcycle_outbox_active"));
    }

    /**
     * With the service cut off from the broker (its {@code kafka.bootstrap.servers} and the relay
     * through {@link KafkaFaultProxy}): readiness stays 200 throughout, the {@code kafka} group goes
     * DOWN (503), and comes back UP once the broker is reachable again.
     */
    public static void assertReadyWhileKafkaIsAway(KafkaFaultProxy kafka, Runnable writeSomething) {
        awaitKafkaGroup(200, Duration.ofSeconds(20));
        kafka.cut();
        try {
            writeSomething.run();
            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            int group;
            do {
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                group = given().get("/q/health/group/kafka").then().extract().statusCode();
            } while (group != 503 && System.nanoTime() < deadline && pause());
            given().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("revcycle_outbox_backlog"));
        } finally {
            kafka.restore();
        }
        awaitKafkaGroup(200, Duration.ofSeconds(20));
    }

    private static void awaitKafkaGroup(int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (given().get("/q/health/group/kafka").then().extract().statusCode() != status
                && System.nanoTime() < deadline) {
            pause();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
