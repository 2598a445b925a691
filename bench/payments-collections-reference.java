import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * bench/payments-collections-lag.sh's reference: the broker's and the Kafka clients' own end-to-end latency at the
 * services' event rate, without the services. One producer with the outbox relay's settings (acks=all, idempotent,
 * linger.ms 5, batch 256 KiB: RelayWorker.producerConfig) sends RATE records/s of SIZE bytes, keyed over 100,000
 * keys, open loop, to a topic of the bench's own; one consumer with the inbox's settings (max.poll.records 500, poll
 * 200 ms, manual commitSync after each poll: InboxConsumer) reads them. Latency per record: consumer's receipt minus
 * the send time written in the record. Run with the Kafka libraries the launcher fetched:
 *
 *   java -cp '.revcycle/kafka/libs/*' bench/payments-collections-reference.java <bootstrap> <topic> <rate/s> <seconds> <size>
 *
 * Prints: records, p50/p90/p99/max in ms.
 */
public final class PaymentsCollectionsReference {
    static double nowMs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1000.0 + i.getNano() / 1_000_000.0;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "lagbench-reference-" + UUID.randomUUID());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());

        String padding = "x".repeat(Math.max(0, size - 40));
        int total = (int) (rate * seconds);
        ConcurrentLinkedQueue<Double> lags = new ConcurrentLinkedQueue<>();
        AtomicBoolean assigned = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of(topic));
                while (!stop.get()) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                    double at = nowMs();
                    for (ConsumerRecord<String, String> r : records) {
                        String[] parts = r.value().split(" ", 3);
                        if (parts[0].equals(run)) {
                            lags.add(at - Double.parseDouble(parts[1]));
                        }
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                }
            }
        }, "reference-consumer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // the topic exists and the consumer is placed at its end before the clock starts
            producer.send(new ProducerRecord<>(topic, "warm", "warm 0 x")).get();
            reader.start();
            long until = System.nanoTime() + 30_000_000_000L;
            while (!assigned.get() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000));
                }
                String key = "account-" + (i * 7919 % 100_000);
                producer.send(new ProducerRecord<>(topic, key, run + " " + String.format("%.3f", nowMs()) + " " + padding));
            }
            producer.flush();
        }
        long until = System.nanoTime() + 10_000_000_000L;
        while (lags.size() < total && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        stop.set(true);
        reader.join(5000);
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("records=%d received=%d e2e_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", total, sorted.length,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p / 100 * sorted.length))];
    }
}
