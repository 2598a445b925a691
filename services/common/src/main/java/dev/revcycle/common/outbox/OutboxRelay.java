package dev.revcycle.common.outbox;

import dev.revcycle.common.logging.SafeLog;
import dev.revcycle.contracts.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published.
 * Idempotent producer with {@code acks=all}. It runs on its own thread: woken as soon as a
 * transaction that wrote events commits, and every {@code revcycle.outbox.interval} anyway (for
 * rows written by another replica, or left by a crash). While the broker is unreachable the rows
 * simply wait; the relay retries with exponential backoff and catches up once the broker is back.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row.
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

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String kafkaBootstrapServers;

    /** Only where the relay must reach the broker another way than consumers do (the fault proxy in tests). */
    @ConfigProperty(name = "revcycle.outbox.bootstrap-servers")
    java.util.Optional<String> relayBootstrapServers;

    @ConfigProperty(name = "revcycle.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "revcycle.outbox.interval", defaultValue = "1s")
    Duration interval;

    @ConfigProperty(name = "revcycle.outbox.max-backoff", defaultValue = "30s")
    Duration maxBackoff;

    /** After a wake-up, wait this long for more commits, so a busy service publishes in batches. */
    @ConfigProperty(name = "revcycle.outbox.linger", defaultValue = "20ms")
    Duration linger;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private Thread thread;

    private KafkaProducer<String, String> producer;
    private int consecutiveFailures;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        published = metrics.counter("revcycle.outbox.published");
        failures = metrics.counter("revcycle.outbox.failures");
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after a transaction that wrote events commits: publish now rather than at the next tick. */
    public void wake() {
        lock.lock();
        try {
            pending = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long delayNanos = 0;
        while (running) {
            lock.lock();
            try {
                long wait = delayNanos > 0 ? delayNanos : interval.toNanos();
                // after a failure, wait out the backoff even if woken; otherwise wake on demand
                while (running && (delayNanos > 0 || !pending) && wait > 0) {
                    wait = wake.awaitNanos(wait);
                }
                if (pending && running && delayNanos == 0 && !linger.isZero()) {
                    long rest = linger.toNanos();
                    while (running && rest > 0) {
                        rest = wake.awaitNanos(rest);
                    }
                }
                pending = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (!running) {
                return;
            }
            delayNanos = relayPending() ? 0 : backoffNanos();
        }
    }

    /** Publishes everything pending. @return false if the broker could not be reached */
    public synchronized boolean relayPending() {
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().timeout(120).call(this::relayBatch);
                if (batch.failure() != null) {
                    onFailure(batch.failure());
                    return false;
                }
            } while (batch.claimed() == batchSize && running);
            if (consecutiveFailures > 0) {
                LOG.infof("outbox relay: broker reachable again after %d failed attempts", consecutiveFailures);
            }
            consecutiveFailures = 0;
            return true;
        } catch (RuntimeException e) {
            onFailure(e);
            return false;
        }
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
            published.increment(delivered.size());
        }
        return new Batch(rows.size(), delivered.size(), failure);
    }

    private void onFailure(Exception failure) {
        consecutiveFailures++;
        failures.increment();
        closeProducer();
        LOG.warnf("outbox relay: could not publish (attempt %d), retrying in %d ms; events wait in the outbox: %s",
                consecutiveFailures, TimeUnit.NANOSECONDS.toMillis(backoffNanos()), SafeLog.chain(failure));
    }

    private long backoffNanos() {
        long millis = Math.min(maxBackoff.toMillis(), 250L << Math.min(consecutiveFailures, 16));
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, relayBootstrapServers.orElse(kafkaBootstrapServers));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "revcycle-" + serviceName + "-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
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

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    private record Batch(int claimed, int published, Exception failure) {
    }
}
