package dev.revcycle.common.inbox;

import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.health.RateLimitedLog;
import dev.revcycle.common.logging.SafeLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The transport side of consumption: one Kafka consumer on its own thread, polling batches and
 * handing them to the {@link Inbox}. Offsets are committed only after the events are applied
 * (at-least-once delivery; the inbox makes the effect once-only), without waiting for the broker except
 * when partitions are revoked and on close.
 *
 * <ul>
 *   <li>A batch is applied in one transaction. If that fails, its events are applied one at a time
 *       to find the one that fails, so a poison event dead-letters only itself.</li>
 *   <li>An event that can never be applied ({@link MalformedEventException}) goes to the
 *       dead-letter topic, its reason in the {@code dead-letter-reason} header, and its partition
 *       goes on.</li>
 *   <li>Any other failure is transient (the database away, a referent not known yet): the
 *       partition is paused at that event and the event retried with capped exponential backoff
 *       until it succeeds, keeping the partition's order; other partitions go on. It is never
 *       dead-lettered. The gauges {@code revcycle.inbox.retrying} and {@code .retrying.seconds} and
 *       the "kafka" health group show it.</li>
 * </ul>
 */
public final class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    /** Dead-letter headers: SmallRye Reactive Messaging's names, plus the consumer; read by {@link DeadLetters}. */
    private static final String CAUSE = "dead-letter-cause";

    record Settings(String name, String bootstrapServers, String groupId, String autoOffsetReset, List<String> topics,
                    String deadLetterTopic, int batchSize, Duration maxBackoff) {
    }

    /** A partition paused at the event at {@code offset}, which failed {@code attempts} times since {@code since}. */
    private record Retry(long offset, int attempts, Instant since, Instant next, Instant logged) {
    }

    private final Settings settings;
    private final Inbox inbox;
    private final Inbox.Handler handler;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaClientMetrics clientMetrics;
    private final Map<Inbox.Outcome, Counter> outcomes = new EnumMap<>(Inbox.Outcome.class);
    private final Counter deadLettered;
    private final Map<TopicPartition, Retry> retrying = new ConcurrentHashMap<>();
    private final Thread thread;
    /** The next offset of each partition after what this instance applied; touched by the consumer thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    private final RateLimitedLog commitFailures = new RateLimitedLog(LOG);
    private KafkaProducer<String, String> deadLetters;
    private volatile boolean stopping;

    InboxConsumer(Settings settings, Inbox inbox, Inbox.Handler handler, MeterRegistry metrics) {
        this.settings = settings;
        this.inbox = inbox;
        this.handler = handler;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        Tags tags = Tags.of("consumer", settings.name());
        this.clientMetrics = new KafkaClientMetrics(consumer, tags);
        clientMetrics.bindTo(metrics);
        Gauge.builder("revcycle.inbox.lag", this, InboxConsumer::lag)
                .description("Records on the consumer's partitions not yet consumed (the Kafka client's records-lag, summed)")
                .tags(tags).register(metrics);
        for (Inbox.Outcome outcome : Inbox.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("revcycle.inbox.events").tags(tags)
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(metrics));
        }
        deadLettered = Counter.builder("revcycle.inbox.events").tags(tags).tag("outcome", "dead_lettered").register(metrics);
        this.thread = new Thread(this::run, "inbox-" + settings.name());
        thread.setDaemon(true);
    }

    public String name() {
        return settings.name();
    }

    /** Partitions currently paused at an event that fails transiently. */
    public int retryingPartitions() {
        return retrying.size();
    }

    /** How long the oldest event being retried has been failing (zero when none is). */
    public Duration retryingFor() {
        Instant now = Instant.now();
        return retrying.values().stream().map(r -> Duration.between(r.since(), now)).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    void awaitStop(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // another instance takes them from their committed offsets: this instance's last ones, settled
                    commitApplied(partitions);
                    partitions.forEach(retrying::remove);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // read from the committed offsets
                }
            });
            while (!stopping) {
                try {
                    resumeDue();
                    ConsumerRecords<String, String> records = consumer.poll(POLL);
                    if (!records.isEmpty()) {
                        settle(records);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the loop must not die: what failed is retried from the committed offsets
                    LOG.errorf("%s: consumer loop failed, going on: %s", settings.name(), SafeLog.chain(e));
                    sleep(Duration.ofSeconds(1));
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            close();
        }
    }

    private void settle(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        try {
            List<Inbox.Outcome> applied = inbox.receiveAll(settings.name(), all.stream().map(ConsumerRecord::value).toList(),
                    handler);
            applied.forEach(o -> outcomes.get(o).increment());
            Map<TopicPartition, Long> next = new HashMap<>();
            all.forEach(r -> next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1));
            next.keySet().forEach(this::recovered);
            commit(next);
            return;
        } catch (MalformedEventException | RuntimeException e) {
            LOG.debugf("%s: a batch of %d failed (%s); applying its events one at a time", settings.name(), all.size(),
                    e.getClass().getSimpleName());
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (stopping || !settleOne(partition, record)) {
                    break;
                }
                next.put(partition, record.offset() + 1);
            }
        }
        commit(next);
    }

    /** @return false if the event failed transiently: its partition is paused at it */
    private boolean settleOne(TopicPartition partition, ConsumerRecord<String, String> record) {
        try {
            outcomes.get(inbox.receive(settings.name(), record.value(), handler)).increment();
        } catch (MalformedEventException e) {
            if (!deadLetter(record, e)) {
                return false;
            }
        } catch (RuntimeException e) {
            retryLater(partition, record, e);
            return false;
        }
        recovered(partition);
        return true;
    }

    private boolean deadLetter(ConsumerRecord<String, String> record, MalformedEventException reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
        header(letter, DeadLetters.REASON, reason.getMessage());
        header(letter, CAUSE, reason.getClass().getName());
        header(letter, DeadLetters.TOPIC, record.topic());
        header(letter, DeadLetters.PARTITION, Integer.toString(record.partition()));
        header(letter, DeadLetters.OFFSET, Long.toString(record.offset()));
        header(letter, DeadLetters.CONSUMER, settings.name());
        try {
            deadLetters().send(letter).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the broker is away: the event is not lost, it is tried again like any transient failure
            retryLater(new TopicPartition(record.topic(), record.partition()), record,
                    new IllegalStateException("dead-letter topic unreachable", e));
            return false;
        }
        deadLettered.increment();
        // the reason never quotes the payload
        LOG.warnf("%s: event at %s-%d@%d dead-lettered to %s: %s", settings.name(), record.topic(), record.partition(),
                record.offset(), settings.deadLetterTopic(), reason.getMessage());
        return true;
    }

    private void retryLater(TopicPartition partition, ConsumerRecord<String, String> record, RuntimeException cause) {
        Instant now = Instant.now();
        Retry previous = retrying.get(partition);
        boolean same = previous != null && previous.offset() == record.offset();
        int attempts = same ? previous.attempts() + 1 : 1;
        long backoff = Math.min(settings.maxBackoff().toMillis(),
                FIRST_BACKOFF.toMillis() << Math.min(attempts - 1, 20));
        Instant since = same ? previous.since() : now;
        Instant logged = same ? previous.logged() : null;
        if (logged == null || Duration.between(logged, now).compareTo(LOG_EVERY) >= 0) {
            String why = cause instanceof Inbox.NotYetApplicable ? cause.getMessage() : SafeLog.chain(cause);
            LOG.warnf("%s: event at %s-%d@%d not applied yet (attempt %d, failing for %d s), partition paused, "
                            + "retrying every %d ms at most: %s", settings.name(), record.topic(), record.partition(),
                    record.offset(), attempts, Duration.between(since, now).toSeconds(), settings.maxBackoff().toMillis(),
                    why);
            logged = now;
        }
        retrying.put(partition, new Retry(record.offset(), attempts, since, now.plusMillis(backoff), logged));
        consumer.seek(partition, record.offset());
        consumer.pause(List.of(partition));
    }

    private void recovered(TopicPartition partition) {
        Retry retry = retrying.remove(partition);
        if (retry != null) {
            LOG.infof("%s: %s-%d goes on after %d attempts over %d s", settings.name(), partition.topic(),
                    partition.partition(), retry.attempts(), Duration.between(retry.since(), Instant.now()).toSeconds());
        }
    }

    private void resumeDue() {
        Instant now = Instant.now();
        List<TopicPartition> due = new ArrayList<>();
        for (TopicPartition paused : consumer.paused()) {
            Retry retry = retrying.get(paused);
            if (retry == null || !retry.next().isAfter(now)) {
                due.add(paused);
            }
        }
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /**
     * Commits what was applied without waiting for the broker, so the next batch is fetched at once. An offset
     * not committed (a failed commit, a crash before it) only means those events are delivered again and skipped
     * by the inbox; a later commit covers an earlier one. When partitions are revoked, and on close, the last
     * applied offsets are committed synchronously ({@link #commitApplied}).
     */
    private void commit(Map<TopicPartition, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        applied.putAll(offsets);
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                commitFailures.warn("commit", "%s: could not commit offsets (%s); the events will be skipped when "
                        + "delivered again", settings.name(), failure.getClass().getSimpleName());
            } else {
                commitFailures.clear("commit");
            }
        });
    }

    /** Commits, waiting for the broker, the last applied offsets of these partitions (all when null). */
    private void commitApplied(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        applied.forEach((partition, offset) -> {
            if (partitions == null || partitions.contains(partition)) {
                offsets.put(partition, offset);
            }
        });
        if (partitions == null) {
            applied.clear();
        } else {
            partitions.forEach(applied::remove);
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(5));
        } catch (WakeupException e) {
            // stopping: the next owner starts from the last commit that reached the broker, and the inbox skips the rest
        } catch (KafkaException e) {
            // applied but not committed: redelivered later (to this or another instance) and skipped by the inbox
            LOG.warnf("%s: could not commit offsets (%s); the events will be skipped when delivered again",
                    settings.name(), e.getClass().getSimpleName());
        }
    }

    private double lag() {
        double sum = 0;
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
            if (m.getKey().name().equals("records-lag") && m.getKey().group().equals("consumer-fetch-manager-metrics")
                    && m.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                sum += value;
            }
        }
        return sum;
    }

    private KafkaProducer<String, String> deadLetters() {
        if (deadLetters == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.name() + "-dlq");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            deadLetters = new KafkaProducer<>(config);
        }
        return deadLetters;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    private void close() {
        try {
            commitApplied(null);
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("%s: closing the consumer: %s", settings.name(), e.getClass().getSimpleName());
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(2));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
