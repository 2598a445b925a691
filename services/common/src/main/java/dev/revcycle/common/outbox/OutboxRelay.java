package dev.revcycle.common.outbox;

import dev.revcycle.common.logging.SafeLog;
import dev.revcycle.contracts.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published.
 * Idempotent producer with {@code acks=all}. While the broker is unreachable the rows simply wait;
 * the relay retries with exponential backoff and catches up once the broker is back. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @ConfigProperty(name = "revcycle.outbox.bootstrap-servers", defaultValue = "${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers;

    @ConfigProperty(name = "revcycle.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "revcycle.outbox.max-backoff", defaultValue = "30s")
    Duration maxBackoff;

    private KafkaProducer<String, String> producer;
    private int consecutiveFailures;
    private long nextAttemptNanos;
    private Counter published;
    private Counter failures;

    @Scheduled(every = "${revcycle.outbox.interval:0.2s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void tick() {
        if (System.nanoTime() - nextAttemptNanos < 0) {
            return;
        }
        relayPending();
    }

    /** Publishes everything pending; returns how many events went out. */
    public synchronized int relayPending() {
        int total = 0;
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().timeout(120).call(this::relayBatch);
                total += batch.published();
                if (batch.failure() != null) {
                    backOff(batch.failure());
                    return total;
                }
            } while (batch.claimed() == batchSize);
            if (consecutiveFailures > 0) {
                LOG.infof("outbox relay: broker reachable again after %d failed attempts", consecutiveFailures);
            }
            consecutiveFailures = 0;
            nextAttemptNanos = System.nanoTime();
        } catch (RuntimeException e) {
            backOff(e);
        }
        return total;
    }

    private Batch relayBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, topic, message_key, payload FROM outbox_event
                        WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .setParameter("limit", batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return new Batch(0, 0, null);
        }
        KafkaProducer<String, String> kafka = producer();
        List<UUID> sentIds = new ArrayList<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        Exception failure = null;
        for (Object[] row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            try {
                futures.add(kafka.send(record));
                sentIds.add((UUID) row[0]);
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        List<UUID> delivered = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(30, TimeUnit.SECONDS);
                delivered.add(sentIds.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        if (!delivered.isEmpty()) {
            em.createNativeQuery("""
                            UPDATE outbox_event SET published_at = :now, attempts = attempts + 1
                            WHERE id IN (:ids)""")
                    .setParameter("now", Timestamp.from(clock.instant()))
                    .setParameter("ids", delivered)
                    .executeUpdate();
            publishedCounter().increment(delivered.size());
        }
        return new Batch(rows.size(), delivered.size(), failure);
    }

    private void backOff(Exception failure) {
        consecutiveFailures++;
        failureCounter().increment();
        long delayMillis = Math.min(maxBackoff.toMillis(), 250L << Math.min(consecutiveFailures, 16));
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        closeProducer();
        LOG.warnf("outbox relay: could not publish (attempt %d), retrying in %d ms; events wait in the outbox: %s",
                consecutiveFailures, delayMillis, SafeLog.describe(failure).lines().findFirst().orElse(""));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "revcycle-" + serviceName + "-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Closing without waiting drops what the failed producer still buffers, so nothing is sent twice. */
    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // already broken
            }
            producer = null;
        }
    }

    synchronized void onShutdown(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private Counter publishedCounter() {
        if (published == null) {
            published = metrics.counter("revcycle.outbox.published");
        }
        return published;
    }

    private Counter failureCounter() {
        if (failures == null) {
            failures = metrics.counter("revcycle.outbox.failures");
        }
        return failures;
    }

    private record Batch(int claimed, int published, Exception failure) {
    }
}
