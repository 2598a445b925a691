import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Helpers of bench/consumer.sh, run as one source file with the Kafka libraries the launcher fetched:
 *   commit-end <bootstrap> <group> <topic>...   the group starts at the current end of the topics
 *   produce <bootstrap> <topic> <count>         that many PatientRegistered events (version 1), as patients would
 */
public final class ConsumerBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "commit-end" -> commitEnd(args[1], args[2], List.of(args).subList(3, args.length));
            case "produce" -> produce(args[1], args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void commitEnd(String bootstrap, String group, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            var offsets = new java.util.HashMap<TopicPartition, OffsetAndMetadata>();
            consumer.endOffsets(partitions).forEach((p, o) -> offsets.put(p, new OffsetAndMetadata(o)));
            consumer.assign(partitions);
            consumer.commitSync(offsets);
        }
    }

    private static void produce(String bootstrap, String topic, int count) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"revcycle/patients\","
                        + "\"type\":\"PatientRegistered\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + id + "\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"patientId\":\"" + id + "\",\"practiceId\":\"bench\","
                        + "\"demographics\":{\"mrn\":\"M" + (100000000 + i) + "\",\"firstName\":\"Ana\",\"lastName\":\"Bench" + i
                        + "\",\"dateOfBirth\":\"1984-03-09\",\"sex\":\"F\",\"address\":{\"line1\":\"12 Main St\",\"city\":\"Springfield\","
                        + "\"state\":\"IL\",\"postalCode\":\"62704\"},\"addressUndeliverable\":false},\"version\":1}}";
                sent.add(producer.send(new ProducerRecord<>(topic, id, event)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }
}
