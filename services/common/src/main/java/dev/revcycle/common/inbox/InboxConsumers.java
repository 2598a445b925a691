package dev.revcycle.common.inbox;

import dev.revcycle.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the Kafka consumers of a service and stops them at shutdown. A service calls
 * {@link #start} once per consumer at start-up, e.g.
 * {@code consumers.start("eligibility.patients", List.of(Topics.PATIENTS), this::apply)}; each runs on
 * its own thread ({@link InboxConsumer}), reads the given topics and the service's replay topic,
 * hands batches to the {@link Inbox} and dead-letters to {@code Topics.deadLetter(service)}.
 */
@ApplicationScoped
public class InboxConsumers {
    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String kafkaBootstrapServers;

    @ConfigProperty(name = "revcycle.inbox.bootstrap-servers")
    Optional<String> inboxBootstrapServers;

    /** The consumer group; the service name unless set (tests use a group of their own). */
    @ConfigProperty(name = "revcycle.inbox.group-id")
    Optional<String> groupId;

    @ConfigProperty(name = "revcycle.inbox.auto-offset-reset", defaultValue = "earliest")
    String autoOffsetReset;

    /** Records per poll, applied in one transaction. */
    @ConfigProperty(name = "revcycle.inbox.batch-size", defaultValue = "500")
    int batchSize;

    /** The longest wait between two attempts at an event that fails transiently. */
    @ConfigProperty(name = "revcycle.inbox.max-backoff", defaultValue = "5s")
    Duration maxBackoff;

    private final List<InboxConsumer> running = new CopyOnWriteArrayList<>();

    /**
     * @param name   the consumer's name, also its inbox rows' {@code consumer} (e.g. {@code eligibility.patients})
     * @param topics the topics it reads; the service's replay topic is read as well
     */
    public InboxConsumer start(String name, List<String> topics, Inbox.Handler handler) {
        List<String> subscribed = new ArrayList<>(topics);
        subscribed.add(Topics.replay(serviceName));
        InboxConsumer consumer = new InboxConsumer(new InboxConsumer.Settings(name,
                inboxBootstrapServers.orElse(kafkaBootstrapServers), groupId.orElse(serviceName), autoOffsetReset,
                List.copyOf(subscribed), Topics.deadLetter(serviceName), batchSize, maxBackoff), inbox, handler, metrics);
        Gauge.builder("revcycle.inbox.retrying", consumer, InboxConsumer::retryingPartitions)
                .description("Partitions whose next event fails transiently and is being retried (paused meanwhile)")
                .tag("consumer", name).register(metrics);
        Gauge.builder("revcycle.inbox.retrying.seconds", consumer, c -> c.retryingFor().toMillis() / 1000.0)
                .description("How long the oldest event being retried has been failing")
                .tag("consumer", name).register(metrics);
        running.add(consumer);
        consumer.start();
        return consumer;
    }

    /** For health and tests: each running consumer by name. */
    public Map<String, InboxConsumer> running() {
        Map<String, InboxConsumer> byName = new java.util.LinkedHashMap<>();
        running.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    void stop(@Observes ShutdownEvent event) {
        running.forEach(InboxConsumer::stop);
        running.forEach(c -> c.awaitStop(Duration.ofSeconds(5)));
        running.clear();
    }
}
