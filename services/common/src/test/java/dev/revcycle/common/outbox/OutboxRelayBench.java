package dev.revcycle.common.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The relay's throughput on a backlog (not a timed test: its name keeps it out of the normal run).
 * Each run writes {@code bench.rows} outbox rows (a PatientRegistered-sized payload, 10,000 keys)
 * while no relay runs, then starts one and times it until every row is published and acknowledged.
 * Run with {@code bench/outbox.sh}; figures in services/common/README.md.
 */
class OutboxRelayBench {
    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int BATCH = Integer.getInteger("bench.batch-size", RelaySettings.DEFAULT_BATCH_SIZE);

    @Test
    void publishesABacklog() throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            OutboxTestSupport.resetSchema();
            String topic = OutboxTestSupport.newTopic();
            try {
                long insertStart = System.nanoTime();
                try (Connection c = OutboxTestSupport.connect(); PreparedStatement s = c.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
                        SELECT gen_random_uuid(), ?, (i % 10000)::text, 'PatientRegistered',
                               '{"id":"' || gen_random_uuid() || '","n":' || i || ',"data":"' || repeat('x', 520) || '"}', now()
                        FROM generate_series(1, ?) AS i""")) {
                    s.setString(1, topic);
                    s.setInt(2, ROWS);
                    s.executeUpdate();
                }
                try (Connection c = OutboxTestSupport.connect()) {
                    c.createStatement().execute("VACUUM ANALYZE outbox_event");
                }
                double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

                SimpleMeterRegistry metrics = new SimpleMeterRegistry();
                RelayWorker relay = new RelayWorker("bench", RelaySettings.defaults().withBatchSize(BATCH),
                        OutboxTestSupport.database(), OutboxTestSupport.KAFKA, metrics);
                long start = System.nanoTime();
                relay.start();
                OutboxTestSupport.awaitTrue("backlog published", Duration.ofMinutes(5),
                        () -> metrics.get("revcycle.outbox.published").counter().count() >= ROWS);
                double seconds = (System.nanoTime() - start) / 1e9;
                relay.stop();
                long onTopic = endOffsets(topic);
                long unpublished = OutboxTestSupport.count("published_at IS NULL");
                double rate = ROWS / seconds;
                rates.add(rate);
                System.out.printf("run %d: %d rows written in %.1f s; published in %.2f s = %.0f events/s"
                        + " (on the topic: %d, unpublished: %d, batch %d)%n",
                        run, ROWS, insertSeconds, seconds, rate, onTopic, unpublished, BATCH);
            } finally {
                OutboxTestSupport.deleteTopic(topic);
            }
        }
        System.out.printf("relay throughput over %d runs of %d rows: min %.0f, median %.0f, max %.0f events/s%n",
                RUNS, ROWS, rates.stream().mapToDouble(d -> d).min().orElse(0),
                rates.stream().sorted().toList().get(rates.size() / 2), rates.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static long endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, OutboxTestSupport.KAFKA))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
