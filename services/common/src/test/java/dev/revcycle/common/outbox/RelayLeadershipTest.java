package dev.revcycle.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two relays on one database (two replicas of a service): exactly one publishes at a time, so each
 * key's events reach the topic in commit order, none lost, none twice — and when the active one
 * dies, the standby takes over within seconds. Real PostgreSQL and Kafka.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RelayLeadershipTest {
    private static final int WRITERS = 6;
    private static final int KEYS_PER_WRITER = 5;
    private static final int EVENTS_PER_KEY = 100;

    private String topic;
    private final List<RelayWorker> relays = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        OutboxTestSupport.resetSchema();
        topic = OutboxTestSupport.newTopic();
    }

    @AfterEach
    void tearDown() {
        relays.forEach(RelayWorker::stop);
        OutboxTestSupport.deleteTopic(topic);
    }

    private RelayWorker relay(String name) {
        // small batches, so that two unsynchronised relays would interleave batches
        RelaySettings settings = RelaySettings.defaults().withBatchSize(50);
        RelayWorker relay = new RelayWorker(name, settings, OutboxTestSupport.database(), OutboxTestSupport.KAFKA,
                new SimpleMeterRegistry());
        relays.add(relay);
        relay.start();
        return relay;
    }

    @Test
    void oneRelayPublishesAtATimeInCommitOrderPerKeyAndTheStandbyTakesOverWhenTheActiveOneDies() throws Exception {
        RelayWorker a = relay("relay-a");
        RelayWorker b = relay("relay-b");
        OutboxTestSupport.awaitTrue("one relay active", Duration.ofSeconds(10), () -> a.status().active() || b.status().active());

        // watch the relays: never two active at once
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean(false);
        AtomicInteger bothActive = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                if (!killed.get() && a.status().active() && b.status().active()) {
                    bothActive.incrementAndGet();
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();

        // many keys written concurrently; each key's events by one writer, one transaction each (commit
        // order = n); half the writers are instance a's requests, half b's: each wakes its own relay at commit
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                RelayWorker own = writer % 2 == 0 ? a : b;
                try (Connection c = OutboxTestSupport.connect()) {
                    for (int n = 0; n < EVENTS_PER_KEY; n++) {
                        for (int k = 0; k < KEYS_PER_WRITER; k++) {
                            OutboxTestSupport.insert(c, topic, "key-" + writer + "-" + k, n);
                            written.incrementAndGet();
                            own.wake();
                        }
                        Thread.sleep(5);
                    }
                }
                return null;
            }));
        }
        int total = WRITERS * KEYS_PER_WRITER * EVENTS_PER_KEY;

        // half-way, the active relay dies: its session ends without warning, whatever it had sent unmarked
        OutboxTestSupport.awaitTrue("half written", Duration.ofSeconds(60), () -> written.get() >= total / 2);
        RelayWorker victim = a.status().active() ? a : b;
        RelayWorker survivor = victim == a ? b : a;
        killed.set(true);
        long killedAt = System.nanoTime();
        terminateSessionOf(victim);
        victim.stop();
        OutboxTestSupport.awaitTrue("the standby takes over", Duration.ofSeconds(5), () -> survivor.status().active());
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        List<ConsumerRecord<String, String>> records;
        try (OutboxTestSupport.Reader reader = new OutboxTestSupport.Reader(topic)) {
            reader.readUntilDistinct(total, Duration.ofSeconds(60));
            records = reader.drain(Duration.ofSeconds(2));
        }
        watching.set(false);
        watcher.join();

        // none lost
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(OutboxTestSupport.idOf(r.value())));
        assertThat(ids).hasSize(total);
        // in commit order per key: the first copy of each event comes after the first copy of the one before
        Map<String, List<Integer>> firstSeen = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (seen.add(OutboxTestSupport.idOf(r.value()))) {
                firstSeen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(OutboxTestSupport.nOf(r.value()));
            }
        }
        assertThat(firstSeen).hasSize(WRITERS * KEYS_PER_WRITER);
        List<Integer> expected = java.util.stream.IntStream.range(0, EVENTS_PER_KEY).boxed().toList();
        firstSeen.forEach((key, order) -> assertThat(order).as("order of key %s", key).isEqualTo(expected));
        // none twice, except what the dead relay had sent but not marked (at most its batch in flight)
        int duplicates = records.size() - ids.size();
        assertThat(duplicates).isLessThanOrEqualTo(50);
        assertThat(bothActive.get()).as("moments with two active relays").isZero();
        assertThat(takeoverMillis).isLessThan(5_000);
        assertThat(OutboxTestSupport.count("published_at IS NULL")).isZero();
        System.out.printf("two relays: %d events, %d duplicates after the kill, takeover in %d ms%n",
                total, duplicates, takeoverMillis);
    }

    @Test
    void aStoppedRelayHandsOverAtOnce() throws Exception {
        RelayWorker a = relay("relay-a");
        OutboxTestSupport.awaitTrue("a active", Duration.ofSeconds(10), () -> a.status().active());
        RelayWorker b = relay("relay-b");
        Thread.sleep(1_500);
        assertThat(b.status().active()).isFalse();
        a.stop();
        OutboxTestSupport.awaitTrue("b takes over", Duration.ofSeconds(3), () -> b.status().active());
        try (Connection c = OutboxTestSupport.connect()) {
            OutboxTestSupport.insert(c, topic, "k", 0);
        }
        try (OutboxTestSupport.Reader reader = new OutboxTestSupport.Reader(topic)) {
            assertThat(reader.readUntilDistinct(1, Duration.ofSeconds(10))).hasSize(1);
        }
    }

    /** What the database sees when an instance dies: its session ends (the lock goes with it). */
    private static void terminateSessionOf(RelayWorker relay) throws Exception {
        try (Connection c = OutboxTestSupport.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, relay.applicationName());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the relay's session").isTrue();
            }
        }
    }
}
