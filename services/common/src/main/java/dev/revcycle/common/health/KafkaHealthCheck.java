package dev.revcycle.common.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the Kafka cluster answers, in the health group {@code kafka} ({@code /q/health/group/kafka}),
 * not in readiness: while the broker is away writes keep working through the outbox, so an instance
 * must stay in its Service. Alert on this group and on the outbox metrics instead.
 */
@HealthGroup(KafkaHealthCheck.GROUP)
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
    public static final String GROUP = "kafka";

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private Admin admin;

    @Override
    public synchronized HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").status(nodes > 0).withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "revcycle-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
        return admin;
    }

    /** Connects once in the background at start, so the first probe does not pay for it. */
    void warmUp(@Observes StartupEvent event) {
        Thread warm = new Thread(this::call, "kafka-health-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    synchronized void onShutdown(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
