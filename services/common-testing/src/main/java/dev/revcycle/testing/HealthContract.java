package dev.revcycle.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
     * DOWN (503), the Kafka clients and the relay log at most a few warnings, and the group comes back
 * UP once the broker is reachable again.
     */
    public static void assertReadyWhileKafkaIsAway(KafkaFaultProxy kafka, Runnable writeSomething) {
        awaitKafkaGroup(200, Duration.ofSeconds(20));
        WarningCounter warnings = new WarningCounter();
        Logger root = Logger.getLogger("");
        long cutAt = System.nanoTime();
        kafka.cut();
        root.addHandler(warnings);
        try {
            writeSomething.run();
            long deadline = cutAt + Duration.ofSeconds(25).toNanos();
            int group;
            do {
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                group = given().get("/q/health/group/kafka").then().extract().statusCode();
            } while (group != 503 && System.nanoTime() < deadline && pause());
            given().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"));
            // an outage of at least 12 s: unlimited, each Kafka client would warn about once a second
            while (System.nanoTime() - cutAt < Duration.ofSeconds(12).toNanos() && pause()) {
                given().get("/q/health/ready").then().statusCode(200);
            }
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("revcycle_outbox_backlog"));
        } finally {
            kafka.restore();
            root.removeHandler(warnings);
        }
        assertThat(warnings.count.get()).as("Kafka and relay warnings logged during the outage: %s", warnings.loggers)
                .isLessThanOrEqualTo(6);
        awaitKafkaGroup(200, Duration.ofSeconds(20));
    }

    /** Counts the warnings of the Kafka clients and of revcycle's relay and health checks. */
    private static final class WarningCounter extends Handler {
        final AtomicInteger count = new AtomicInteger();
        final Set<String> loggers = ConcurrentHashMap.newKeySet();

        @Override
        public void publish(LogRecord record) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && (name.startsWith("org.apache.kafka") || name.startsWith("dev.revcycle.common.outbox")
                    || name.startsWith("dev.revcycle.common.health"))) {
                count.incrementAndGet();
                loggers.add(name);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
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
