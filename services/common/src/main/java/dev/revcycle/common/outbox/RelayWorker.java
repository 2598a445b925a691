package dev.revcycle.common.outbox;

import dev.revcycle.common.health.RateLimitedLog;
import dev.revcycle.common.logging.SafeLog;
import dev.revcycle.contracts.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The outbox relay itself, plain Java (one per service instance; {@link OutboxRelay} runs it in a
 * service, tests construct several on one database).
 *
 * <p><b>One active relay per database.</b> The worker holds a dedicated JDBC connection and becomes
 * the active relay only while that session holds the PostgreSQL advisory lock {@link #LEADER_LOCK}
 * ({@code pg_try_advisory_lock}); every other instance is a standby that retries every
 * {@link RelaySettings#standbyRetry()}. The active relay reads and marks rows on that same connection,
 * so when its instance dies or loses the database, its session ends, the lock is released and a
 * standby takes over within about a second (the session's TCP keepalives bound how long a vanished
 * peer holds it). One publisher means one aggregate's events reach the topic in the order they were
 * committed.
 *
 * <p><b>Batches.</b> Each round reads up to {@code batchSize} unsent rows in {@code seq} order,
 * sends them all (idempotent producer, {@code acks=all}), waits for the acknowledgements and marks
 * the acknowledged ones in one {@code UPDATE … WHERE seq = ANY(?)}. No transaction stays open while
 * Kafka is waited for: the lock, not row locks, keeps other relays away.
 *
 * <p><b>Guarantee: at least once, ordered per key.</b> Within a producer session the idempotent
 * producer never writes a record twice. A crash (or a lost database) between the broker's
 * acknowledgement and the marking makes the next active relay send those rows again, in order:
 * consumers deduplicate by event id (the inbox does), and the first copy of each event keeps the
 * order of its key.
 *
 * <p><b>Outages.</b> While Kafka or the database is away the rows wait; the relay retries after
 * 250 ms, doubling up to {@code maxBackoff} (2 s by default, so it resumes within seconds of the
 * broker's return), and logs at most one warning per cause every 30 s.
 *
 * <p><b>Retention.</b> Published rows are kept for {@code retention} (1 h by default: what was sent
 * when, for troubleshooting) and then deleted by the active relay in chunks, so the table does not grow.
 */
public final class RelayWorker {
    /** The advisory lock key ("revcycle" in ASCII); advisory locks are per database. */
    public static final long LEADER_LOCK = 0x7265766379636C65L;

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);
    private static final int DELETE_CHUNK = 10_000;
    private static final long STATS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STALLED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** Opens a new, unpooled connection to the service's database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** What health checks and tests see. {@code oldestUnsentSeconds} is 0 when nothing waits. */
    public record Status(boolean active, long backlog, double oldestUnsentSeconds, int consecutiveFailures,
                         boolean stalled, Optional<String> lastFailure) {
        /** Publishing works: the last attempt succeeded and the broker is not keeping one waiting. */
        public boolean healthy() {
            return consecutiveFailures == 0 && !stalled;
        }
    }

    private final String name;
    private final RelaySettings settings;
    private final ConnectionFactory database;
    private final Map<String, Object> producerConfig;
    private final RateLimitedLog warnings = new RateLimitedLog(LOG);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private Thread thread;

    // touched by the relay thread only
    private Connection connection;
    private Producer<String, String> producer;
    private long lastStatsNanos;
    private long lastCleanupNanos;

    private volatile boolean active;
    private volatile long backlog;
    private volatile double oldestUnsentSeconds;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile boolean stalled;

    private final Counter published;
    private final Counter failures;
    private final Counter deleted;

    /**
     * @param name             this instance, for logs and the session's {@code application_name}
     * @param bootstrapServers the brokers the relay publishes to
     */
    public RelayWorker(String name, RelaySettings settings, ConnectionFactory database, String bootstrapServers,
                       MeterRegistry metrics) {
        this.name = name;
        this.settings = settings;
        this.database = database;
        this.producerConfig = producerConfig(bootstrapServers, "revcycle-" + name + "-outbox");
        published = metrics.counter("revcycle.outbox.published");
        failures = metrics.counter("revcycle.outbox.failures");
        deleted = metrics.counter("revcycle.outbox.deleted");
        Gauge.builder("revcycle.outbox.backlog", this, w -> w.backlog)
                .description("outbox rows not yet published (as last seen by this instance)").register(metrics);
        Gauge.builder("revcycle.outbox.oldest.unsent.age", this, w -> w.oldestUnsentSeconds).baseUnit("seconds")
                .description("how long the oldest unpublished outbox row has waited").register(metrics);
        Gauge.builder("revcycle.outbox.active", this, w -> w.active ? 1 : 0)
                .description("1 on the instance that holds the relay lock and publishes, 0 on standbys").register(metrics);
    }

    /**
     * The producer settings: acknowledged by all replicas, idempotent, batched, and quick to notice
     * and survive an outage (reconnects at most 1 s apart; a send fails after 10 s rather than hanging).
     */
    static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return props;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay-" + name);
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

    public Status status() {
        return new Status(active, backlog, oldestUnsentSeconds, consecutiveFailures, stalled, Optional.ofNullable(lastFailure));
    }

    /** Stops after the round in progress, releases the lock (a standby takes over at once) and closes the producer. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake();
        if (t != null) {
            try {
                t.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long delayNanos = 0;
        try {
            while (running) {
                if (!active) {
                    tryToBecomeActive();
                    if (!active) {
                        sleep(settings.standbyRetry().toNanos());
                        continue;
                    }
                    delayNanos = 0;
                } else if (!await(delayNanos)) {
                    break;
                }
                delayNanos = publishPending() ? 0 : backoffNanos();
                if (active) {
                    deleteExpiredIfDue();
                }
            }
        } finally {
            closeProducer(Duration.ofSeconds(5));
            closeConnection();
            active = false;
        }
    }

    /** Waits for a commit, the interval, or the end of a backoff. @return false when stopping */
    private boolean await(long delayNanos) {
        lock.lock();
        try {
            long wait = delayNanos > 0 ? delayNanos : settings.interval().toNanos();
            // after a failure, wait out the backoff even if woken; otherwise wake on demand
            while (running && (delayNanos > 0 || !pending) && wait > 0) {
                wait = wake.awaitNanos(wait);
            }
            if (pending && running && delayNanos == 0 && !settings.linger().isZero()) {
                long rest = settings.linger().toNanos();
                while (running && rest > 0) {
                    rest = wake.awaitNanos(rest);
                }
            }
            pending = false;
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void sleep(long nanos) {
        lock.lock();
        try {
            long wait = nanos;
            while (running && wait > 0) {
                wait = wake.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void tryToBecomeActive() {
        try {
            Connection c = connection();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, LEADER_LOCK);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    active = rs.getBoolean(1);
                }
            }
            if (active) {
                LOG.infof("outbox relay %s: active (holds the relay lock); publishing", name);
                warnings.clear("database");
            }
            refreshStats(c, true);
        } catch (SQLException e) {
            closeConnection();
            warnings.warn("database", "outbox relay %s: database unreachable, will retry: %s", name, SafeLog.chain(e));
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = database.open();
            try (Statement s = c.createStatement()) {
                // A peer that vanishes without closing its socket releases the lock within ~10 s,
                // not after the operating system's default two hours.
                s.execute("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3;"
                        + " SET application_name = '" + applicationName() + "'");
            }
            c.setAutoCommit(true);
            connection = c;
        }
        return connection;
    }

    /** The session's {@code application_name} in {@code pg_stat_activity}. */
    public String applicationName() {
        return ("revcycle-outbox-relay " + name).replaceAll("[^A-Za-z0-9 ._-]", "_");
    }

    /** Publishes everything pending. @return false if Kafka or the database failed */
    private boolean publishPending() {
        try {
            int claimed;
            do {
                claimed = publishBatch();
                refreshStats(connection, false);
            } while (claimed == settings.batchSize() && running);
            if (consecutiveFailures > 0) {
                LOG.infof("outbox relay %s: publishing again after %d failed attempts", name, consecutiveFailures);
            }
            consecutiveFailures = 0;
            lastFailure = null;
            warnings.clear("kafka");
            return true;
        } catch (KafkaUnavailable e) {
            closeProducer(Duration.ZERO);
            onFailure("kafka", "could not publish, events wait in the outbox", e.getCause());
            try {
                refreshStats(connection, false);
            } catch (SQLException ignored) {
                // the next round finds out
            }
            return false;
        } catch (SQLException e) {
            // the lock went with the session (or soon will): let a standby, or this instance later, take over
            boolean wasActive = active;
            active = false;
            closeConnection();
            onFailure("database", wasActive ? "lost the database, no longer the active relay" : "database unreachable", e);
            return false;
        }
    }

    private int publishBatch() throws SQLException, KafkaUnavailable {
        List<Long> seqs = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT seq, topic, message_key, payload FROM outbox_event
                WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
            s.setInt(1, settings.batchSize());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4));
                    record.headers().add("content-type", CONTENT_TYPE);
                    records.add(record);
                }
            }
        }
        if (records.isEmpty()) {
            return 0;
        }
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        Exception failure = null;
        for (ProducerRecord<String, String> record : records) {
            try {
                Future<RecordMetadata> future = kafka.send(record);
                futures.add(future);
                if (future.isDone() && failedAlready(future)) {
                    // no metadata (broker away): every further send would wait max.block.ms in vain
                    break;
                }
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                awaitAck(futures.get(i));
                delivered.add(seqs.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
                break;
            }
        }
        if (!delivered.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("""
                    UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY(?)""")) {
                Array array = connection.createArrayOf("bigint", delivered.toArray());
                s.setArray(1, array);
                s.executeUpdate();
                array.free();
            }
            published.increment(delivered.size());
        }
        if (failure != null) {
            throw new KafkaUnavailable(failure);
        }
        return records.size();
    }

    /** Waits for the broker (at most the producer's delivery timeout), keeping the gauges current meanwhile. */
    private void awaitAck(Future<RecordMetadata> future)
            throws ExecutionException, TimeoutException, InterruptedException, SQLException {
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    future.get(500, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    long waited = System.nanoTime() - start;
                    if (waited > TimeUnit.SECONDS.toNanos(30)) {
                        throw e;
                    }
                    if (waited > STALLED_AFTER_NANOS) {
                        // the producer retries until its delivery timeout; health says so before that
                        stalled = true;
                    }
                    refreshStats(connection, false);
                }
            }
        } finally {
            stalled = false;
        }
    }

    private static boolean failedAlready(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException | InterruptedException e) {
            return true;
        }
    }

    private void refreshStats(Connection c, boolean now) throws SQLException {
        long t = System.nanoTime();
        if (!now && t - lastStatsNanos < STATS_EVERY_NANOS) {
            return;
        }
        lastStatsNanos = t;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                FROM outbox_event WHERE published_at IS NULL""")) {
            rs.next();
            backlog = rs.getLong(1);
            oldestUnsentSeconds = Math.max(0, rs.getDouble(2));
        }
    }

    private void deleteExpiredIfDue() {
        long t = System.nanoTime();
        if (lastCleanupNanos != 0 && t - lastCleanupNanos < settings.cleanupEvery().toNanos()) {
            return;
        }
        lastCleanupNanos = t;
        try (PreparedStatement s = connection.prepareStatement("""
                DELETE FROM outbox_event WHERE seq IN (
                    SELECT seq FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)
                    ORDER BY seq LIMIT ?)""")) {
            s.setDouble(1, settings.retention().toMillis() / 1000.0);
            s.setInt(2, DELETE_CHUNK);
            int n;
            do {
                n = s.executeUpdate();
                deleted.increment(n);
            } while (n == DELETE_CHUNK && running);
        } catch (SQLException e) {
            // the next round finds out whether the database is gone; the rows wait for the next clean-up
            warnings.warn("cleanup", "outbox relay %s: could not delete published rows: %s", name, SafeLog.chain(e));
        }
    }

    private void onFailure(String cause, String what, Throwable failure) {
        consecutiveFailures++;
        lastFailure = cause + ": " + failure.getClass().getSimpleName();
        failures.increment();
        warnings.warn(cause, "outbox relay %s: %s (attempt %d, retrying within %d ms): %s", name, what,
                consecutiveFailures, TimeUnit.NANOSECONDS.toMillis(backoffNanos()), SafeLog.chain(failure));
    }

    private long backoffNanos() {
        long millis = Math.min(settings.maxBackoff().toMillis(), 250L << Math.min(Math.max(consecutiveFailures - 1, 0), 16));
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    /** After a failure, closing without waiting drops what the producer still buffers, so nothing is sent twice. */
    private void closeProducer(Duration wait) {
        if (producer != null) {
            try {
                producer.close(wait);
            } catch (RuntimeException ignored) {
                // already broken
            }
            producer = null;
        }
    }

    /** Ends the session, and with it the advisory lock. */
    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            connection = null;
        }
    }

    private static final byte[] CONTENT_TYPE = CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(Throwable cause) {
            super(cause);
        }
    }
}
