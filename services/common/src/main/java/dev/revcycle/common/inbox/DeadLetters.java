package dev.revcycle.common.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./revcycle dlq <service> [--replay <id|all>]}: lists a consuming service's dead letters
 * (topic {@code revcycle.<service>.dlq.v1}) with their reasons, and replays them onto the service's
 * replay topic ({@code revcycle.<service>.replay.v1}), which its consumers read beside the topics they
 * consume: a replayed event takes the normal path, and the inbox makes a second replay of an event
 * already applied a no-op. Never prints a payload (it may carry PHI): the id of the dead letter
 * (partition-offset on the dead-letter topic), when, where it came from, the event's type and id, the
 * reason, and whether it was replayed.
 *
 * <p>Depends on the Kafka client and Jackson only, so that the launcher runs this one file with the
 * Kafka libraries it already fetched ({@code java -cp ".revcycle/kafka/libs/*" DeadLetters.java}), offline.
 */
public final class DeadLetters {
    /** Headers written by {@link InboxConsumer} on a dead letter (SmallRye Reactive Messaging's names). */
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";
    /** On a replayed record: the id of the dead letter it replays. */
    public static final String REPLAY_OF = "revcycle-replay-of";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dead letter. {@code id} is its partition and offset on the dead-letter topic, e.g. {@code 0-12}. */
    public record Letter(String id, Instant at, String key, String value, String reason, String from, String eventType,
                         String eventId, boolean replayed) {
    }

    private final String bootstrapServers;
    private final String service;

    public DeadLetters(String bootstrapServers, String service) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
    }

    public static String deadLetterTopic(String service) {
        return "revcycle." + service + ".dlq.v1";
    }

    public static String replayTopic(String service) {
        return "revcycle." + service + ".replay.v1";
    }

    /** Every dead letter of the service, oldest first; empty if the service has no dead-letter topic. */
    public List<Letter> list() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Set<String> replayed = new HashSet<>();
            for (ConsumerRecord<String, String> record : readAll(consumer, replayTopic(service))) {
                String of = header(record, REPLAY_OF);
                if (of != null) {
                    replayed.add(of);
                }
            }
            List<Letter> letters = new ArrayList<>();
            for (ConsumerRecord<String, String> record : readAll(consumer, deadLetterTopic(service))) {
                String id = record.partition() + "-" + record.offset();
                String type = null;
                String eventId = null;
                try {
                    JsonNode event = record.value() == null ? null : JSON.readTree(record.value());
                    if (event != null && event.isObject()) {
                        type = event.path("type").isTextual() ? event.path("type").asText() : null;
                        eventId = event.path("id").isTextual() ? event.path("id").asText() : null;
                    }
                } catch (Exception e) {
                    // not JSON: listed without type and id
                }
                String from = header(record, TOPIC) == null ? null
                        : header(record, TOPIC) + "-" + header(record, PARTITION) + "@" + header(record, OFFSET);
                letters.add(new Letter(id, Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                        header(record, REASON), from, type, eventId, replayed.contains(id)));
            }
            return letters;
        }
    }

    /**
     * Puts the dead letter with that id (or every one, for {@code all}) back onto the replay topic.
     *
     * @return the dead letters replayed
     * @throws IllegalArgumentException if there is no dead letter with that id
     */
    public List<Letter> replay(String which) {
        List<Letter> letters = list();
        List<Letter> chosen = "all".equals(which) ? letters
                : letters.stream().filter(l -> l.id().equals(which)).toList();
        if (chosen.isEmpty() && !"all".equals(which)) {
            throw new IllegalArgumentException("no dead letter " + which + " on " + deadLetterTopic(service));
        }
        if (chosen.isEmpty()) {
            return chosen;
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Letter letter : chosen) {
                ProducerRecord<String, String> record = new ProducerRecord<>(replayTopic(service), letter.key(), letter.value());
                record.headers().add(REPLAY_OF, letter.id().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not replay onto " + replayTopic(service) + ": " + e, e);
        }
        return chosen;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "revcycle-dlq-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // listing must not create the topics it looks for
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** Every record on the topic now, partition by partition; none if it does not exist. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (infos == null || infos.isEmpty()) {
            return records;
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        consumer.unsubscribe();
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Prints the list, or "none". */
    public static void print(List<Letter> letters, PrintStream out) {
        if (letters.isEmpty()) {
            out.println("none");
            return;
        }
        for (Letter l : letters) {
            out.printf("%s  %s  %s %s  from %s  reason: %s%s%n", l.id(), l.at(),
                    l.eventType() == null ? "(not a CloudEvent)" : l.eventType(), l.eventId() == null ? "-" : l.eventId(),
                    l.from() == null ? "?" : l.from(), l.reason() == null ? "?" : l.reason(),
                    l.replayed() ? "  [replayed]" : "");
        }
    }

    /** {@code DeadLetters <bootstrap-servers> <service> [--replay <id|all>]}; exit 0, 1 (no such id) or 2 (usage, Kafka). */
    public static void main(String[] args) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--replay"))) {
            System.err.println("usage: dlq <service> [--replay <id|all>]");
            System.exit(2);
        }
        DeadLetters letters = new DeadLetters(args[0], args[1]);
        try {
            if (args.length == 2) {
                print(letters.list(), System.out);
            } else {
                List<Letter> replayed = letters.replay(args[3]);
                if (replayed.isEmpty()) {
                    System.out.println("none");
                }
                for (Letter l : replayed) {
                    System.out.printf("replayed %s (%s %s) onto %s%n", l.id(), l.eventType(), l.eventId(),
                            replayTopic(args[1]));
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("dlq: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
