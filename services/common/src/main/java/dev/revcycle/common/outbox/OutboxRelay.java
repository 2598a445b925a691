package dev.revcycle.common.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs this instance's {@link RelayWorker} (see there: one active relay per database through an
 * advisory lock, batched sends, capped backoff, retention). It connects with the service's datasource
 * settings but outside the pool: the lock's session lives as long as the instance is the active relay.
 */
@ApplicationScoped
public class OutboxRelay {
    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String kafkaBootstrapServers;

    /** Only where the relay must reach the broker another way than consumers do (the fault proxy in tests). */
    @ConfigProperty(name = "revcycle.outbox.bootstrap-servers")
    Optional<String> relayBootstrapServers;

    @ConfigProperty(name = "revcycle.outbox.batch-size", defaultValue = "" + RelaySettings.DEFAULT_BATCH_SIZE)
    int batchSize;

    @ConfigProperty(name = "revcycle.outbox.interval", defaultValue = "1s")
    Duration interval;

    @ConfigProperty(name = "revcycle.outbox.linger", defaultValue = "20ms")
    Duration linger;

    @ConfigProperty(name = "revcycle.outbox.max-backoff", defaultValue = "2s")
    Duration maxBackoff;

    @ConfigProperty(name = "revcycle.outbox.standby-retry", defaultValue = "1s")
    Duration standbyRetry;

    @ConfigProperty(name = "revcycle.outbox.retention", defaultValue = "1h")
    Duration retention;

    @ConfigProperty(name = "revcycle.outbox.cleanup-interval", defaultValue = "1m")
    Duration cleanupInterval;

    private volatile RelayWorker worker;

    void start(@Observes StartupEvent event) {
        RelaySettings settings = new RelaySettings(batchSize, interval, linger, maxBackoff, standbyRetry, retention,
                cleanupInterval);
        String instance = serviceName + "-" + UUID.randomUUID().toString().substring(0, 8);
        worker = new RelayWorker(instance, settings, this::openConnection,
                relayBootstrapServers.orElse(kafkaBootstrapServers), metrics);
        worker.start();
    }

    private Connection openConnection() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "5");
        // a query never waits forever on a database that vanished; the relay's statements are short
        props.setProperty("socketTimeout", "60");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: the outbox relay needs PostgreSQL");
        }
        return c;
    }

    /** Called after a transaction that wrote events commits: publish now rather than at the next tick. */
    public void wake() {
        RelayWorker w = worker;
        if (w != null) {
            w.wake();
        }
    }

    /** This instance's view of the relay (empty before start-up). */
    public Optional<RelayWorker.Status> status() {
        RelayWorker w = worker;
        return w == null ? Optional.empty() : Optional.of(w.status());
    }

    void stop(@Observes ShutdownEvent event) {
        RelayWorker w = worker;
        if (w != null) {
            w.stop();
        }
    }
}
