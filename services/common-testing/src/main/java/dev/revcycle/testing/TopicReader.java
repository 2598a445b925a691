package dev.revcycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what reaches a real topic from the moment it is opened, the way a consumer service would.
 * Use it in try-with-resources around the action that should publish.
 */
public final class TopicReader implements AutoCloseable {
    /** One record as it arrived: its key and its parsed CloudEvent JSON. */
    public record Received(String key, JsonNode event, String raw) {
        public String type() {
            return event.path("type").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    public TopicReader(String topic) {
        this(topic, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9192"));
    }

    public TopicReader(String topic, String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        }
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until {@code count} records match, and returns every match seen by then. */
    public List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(match).size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        List<Received> matches = matching(match);
        if (matches.size() < count) {
            throw new AssertionError("expected " + count + " matching events on the topic within " + timeout
                    + " but saw " + matches.size() + " (of " + received.size() + " read)");
        }
        return matches;
    }

    public Received awaitOne(Predicate<Received> match) {
        return await(match, 1, Duration.ofSeconds(20)).get(0);
    }

    /** Keeps reading for {@code quiet} and returns every match: to assert that nothing more came. */
    public List<Received> drain(Predicate<Received> match, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return matching(match);
    }

    public static Predicate<Received> ofType(String type, String subject) {
        return r -> r.type().equals(type) && r.event().path("subject").asText().equals(subject);
    }

    private List<Received> matching(Predicate<Received> match) {
        return received.stream().filter(match).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            try {
                received.add(new Received(record.key(), EventJson.mapper().readTree(record.value()), record.value()));
            } catch (Exception e) {
                throw new AssertionError("a record on the topic is not JSON", e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
