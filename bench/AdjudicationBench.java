import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Helper of bench/claims-adjudication.sh, run as one source file with the Kafka libraries the launcher fetched:
 *   produce-file <bootstrap> <topic> <file>   publishes each `key<TAB>value` line of the file (acks=all) and prints
 *                                             the epoch milliseconds when the first was sent and when all were acknowledged,
 *                                             and the topic's partition count
 */
public final class AdjudicationBench {
    public static void main(String[] args) throws Exception {
        if (!"produce-file".equals(args[0])) {
            throw new IllegalArgumentException(args[0]);
        }
        List<String> lines = Files.readAllLines(Path.of(args[3]));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            int partitions = producer.partitionsFor(args[2]).size(); // connected and the topic's metadata known before the clock starts
            List<Future<?>> sent = new ArrayList<>(lines.size());
            long first = System.currentTimeMillis();
            for (String line : lines) {
                int tab = line.indexOf('\t');
                sent.add(producer.send(new ProducerRecord<>(args[2], line.substring(0, tab), line.substring(tab + 1))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            System.out.println(first + " " + System.currentTimeMillis() + " " + partitions);
        }
    }
}
