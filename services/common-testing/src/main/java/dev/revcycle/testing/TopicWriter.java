package dev.revcycle.testing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes test events to a service's input topics as the other services would (one shared producer, acks=all),
 * and waits until the application's own consumer reads them. The counterpart of {@link TopicReader}; each
 * service's test support builds its events and calls these.
 */
public final class TopicWriter {
    private static KafkaProducer<String, String> producer;

    private TopicWriter() {
    }

    public static synchronized void publish(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** How many partitions the topic has (as the producer sees it). */
    public static synchronized int partitions(String topic) {
        return producer().partitionsFor(topic).size();
    }

    /**
     * Publishes sentinels (each with a new id) until the application's consumer has applied one, for at most 90 s:
     * its group may take seconds to be assigned the partitions, and it starts from the latest offsets.
     *
     * @param what     the consumer, for the failure's message
     * @param send     publishes the sentinel of that id
     * @param applied  whether the application has applied the sentinel of that id
     */
    public static void awaitConsumer(String what, Consumer<UUID> send, Predicate<UUID> applied) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            UUID sentinel = UUID.randomUUID();
            send.accept(sentinel);
            long wait = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!applied.test(sentinel) && System.nanoTime() < wait) {
                pause();
            }
            if (applied.test(sentinel)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not start reading within 90 s");
            }
        }
    }

    /** The pause between two looks at what the application has applied (100 ms). */
    public static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9192"),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }
}
