package dev.revcycle.testing;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A {@link FaultProxy} in front of the broker's fault-injection listener, to make Kafka unreachable
 * for the application under test (and reachable again) without stopping the broker other tests use.
 * The local broker advertises that listener at this proxy's port, so every connection of a client
 * bootstrapped through it passes here. Active only where {@code revcycle.test.kafka-proxy.port} is
 * set (the service's test profile points its outbox at it).
 */
@ApplicationScoped
@IfBuildProfile("test")
public class KafkaFaultProxy {
    @ConfigProperty(name = "revcycle.test.kafka-proxy.port", defaultValue = "0")
    int port;

    @ConfigProperty(name = "revcycle.test.kafka-proxy.target-port", defaultValue = "9194")
    int targetPort;

    private FaultProxy proxy;

    void start(@Observes StartupEvent event) {
        if (port != 0) {
            proxy = FaultProxy.start(port, "127.0.0.1", targetPort);
        }
    }

    /** Drops every connection and refuses new ones: the broker is unreachable. */
    public void cut() {
        proxy.cut();
    }

    public void restore() {
        proxy.restore();
    }

    void stop(@Observes ShutdownEvent event) {
        if (proxy != null) {
            proxy.close();
        }
    }
}
