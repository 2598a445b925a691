package dev.revcycle.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.HealthGroup;

/**
 * In the "kafka" health group ({@code /q/health/group/kafka}), never in readiness: down while a
 * consumer is paused at an event that fails transiently (the service still answers, its read models
 * lag until the event is applied).
 */
@HealthGroup("kafka")
@ApplicationScoped
public class InboxHealthCheck implements HealthCheck {
    @Inject
    InboxConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("inbox").up();
        consumers.running().forEach((name, consumer) -> {
            int retrying = consumer.retryingPartitions();
            health.withData(name + ".retrying-partitions", retrying);
            if (retrying > 0) {
                health.down().withData(name + ".retrying-seconds", consumer.retryingFor().toSeconds());
            }
        });
        return health.build();
    }
}
