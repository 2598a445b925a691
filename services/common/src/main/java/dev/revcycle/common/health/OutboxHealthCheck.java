package dev.revcycle.common.health;

import dev.revcycle.common.outbox.OutboxRelay;
import dev.revcycle.common.outbox.RelayWorker;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The outbox relay, in the health group {@code kafka}: DOWN while the active relay cannot publish,
 * with the backlog and the age of the oldest unsent event (also the gauges
 * {@code revcycle_outbox_backlog} and {@code revcycle_outbox_oldest_unsent_age_seconds}).
 */
@HealthGroup(KafkaHealthCheck.GROUP)
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        Optional<RelayWorker.Status> status = relay.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay");
        if (status.isEmpty()) {
            return response.down().withData("role", "starting").build();
        }
        RelayWorker.Status s = status.get();
        response.status(s.healthy())
                .withData("role", s.active() ? "active" : "standby")
                .withData("backlog", s.backlog())
                .withData("oldestUnsentSeconds", Math.round(s.oldestUnsentSeconds()))
                .withData("consecutiveFailures", s.consecutiveFailures())
                .withData("waitingForBroker", s.stalled());
        s.lastFailure().ifPresent(f -> response.withData("lastFailure", f));
        return response.build();
    }
}
