package dev.revcycle.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker goes away for a while: events wait in the outbox (the backlog gauge shows them), and
 * publishing resumes within 5 s of the broker's return, each event once. Published rows are deleted
 * after the retention. Real PostgreSQL and Kafka; the relay reaches the broker through a proxy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayOutageTest {
    private String topic;
    private TcpProxy proxy;
    private RelayWorker relay;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() throws Exception {
        OutboxTestSupport.resetSchema();
        topic = OutboxTestSupport.newTopic();
        proxy = new TcpProxy(19194, 9194);
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        proxy.close();
        OutboxTestSupport.deleteTopic(topic);
    }

    @Test
    void eventsWaitDuringAnOutageAndArePublishedOnceWithinFiveSecondsOfTheBrokersReturn() throws Exception {
        relay = new RelayWorker("outage", RelaySettings.defaults(), OutboxTestSupport.database(), "127.0.0.1:19194", metrics);
        relay.start();
        List<String> ids = new ArrayList<>();
        try (Connection c = OutboxTestSupport.connect()) {
            ids.add(OutboxTestSupport.insert(c, topic, "before", 0));
            relay.wake();
            OutboxTestSupport.awaitTrue("published while the broker is there", Duration.ofSeconds(20),
                    () -> unpublished() == 0);

            proxy.cut();
            for (int i = 0; i < 20; i++) {
                ids.add(OutboxTestSupport.insert(c, topic, "k" + (i % 4), i));
                relay.wake();
            }
            // long enough for the backoff to reach its cap several times over
            Thread.sleep(12_000);
            assertThat(unpublished()).isEqualTo(20);
            assertThat(metrics.get("revcycle.outbox.backlog").gauge().value()).isEqualTo(20);
            assertThat(metrics.get("revcycle.outbox.oldest.unsent.age").gauge().value()).isGreaterThan(5);
            assertThat(relay.status().healthy()).isFalse();

            proxy.restore();
            long back = System.nanoTime();
            OutboxTestSupport.awaitTrue("publishing resumes within 5 s of the broker's return", Duration.ofSeconds(5),
                    () -> unpublished() == 0);
            System.out.printf("publishing resumed %d ms after the broker's return%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
        }
        try (OutboxTestSupport.Reader reader = new OutboxTestSupport.Reader(topic)) {
            reader.readUntilDistinct(ids.size(), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> records = reader.drain(Duration.ofSeconds(2));
            Set<String> seen = new HashSet<>();
            records.forEach(r -> seen.add(OutboxTestSupport.idOf(r.value())));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(records).hasSize(ids.size());
        }
        OutboxTestSupport.awaitTrue("the backlog gauge drops", Duration.ofSeconds(3),
                () -> metrics.get("revcycle.outbox.backlog").gauge().value() == 0);
        assertThat(relay.status().consecutiveFailures()).isZero();
    }

    @Test
    void publishedRowsAreDeletedAfterTheRetention() throws Exception {
        relay = new RelayWorker("retention", RelaySettings.defaults().withRetention(Duration.ofSeconds(2), Duration.ofMillis(200)),
                OutboxTestSupport.database(), OutboxTestSupport.KAFKA, metrics);
        relay.start();
        try (Connection c = OutboxTestSupport.connect()) {
            for (int i = 0; i < 30; i++) {
                OutboxTestSupport.insert(c, topic, "k", i);
            }
        }
        relay.wake();
        OutboxTestSupport.awaitTrue("published", Duration.ofSeconds(20), () -> unpublished() == 0);
        // kept for the retention (for troubleshooting), then gone
        assertThat(OutboxTestSupport.count("published_at IS NOT NULL")).isEqualTo(30);
        OutboxTestSupport.awaitTrue("deleted after the retention", Duration.ofSeconds(10),
                () -> count("true") == 0);
        assertThat(metrics.get("revcycle.outbox.deleted").counter().count()).isEqualTo(30);
    }

    private static long unpublished() {
        return count("published_at IS NULL");
    }

    private static long count(String where) {
        try {
            return OutboxTestSupport.count(where);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
