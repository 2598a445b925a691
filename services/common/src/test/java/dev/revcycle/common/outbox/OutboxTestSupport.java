package dev.revcycle.common.outbox;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The real PostgreSQL ({@code common_test}, made by {@code ./revcycle infra}) and Kafka for the relay's
 * tests, without a Quarkus application: the relay is plain Java.
 */
final class OutboxTestSupport {
    static final String JDBC_URL = "jdbc:postgresql://" + env("REVCYCLE_DB_HOST", "127.0.0.1") + ":"
            + env("REVCYCLE_DB_PORT", "5432") + "/common_test";
    static final String KAFKA = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9192");

    private OutboxTestSupport() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "common");
        props.setProperty("password", "common");
        return DriverManager.getConnection(JDBC_URL, props);
    }

    /** A fresh outbox table, made by common's own migrations as a service would. */
    static void resetSchema() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS outbox_event, inbox_event CASCADE");
            for (String migration : List.of("V0_1__outbox_inbox.sql")) {
                try (InputStream in = OutboxTestSupport.class.getResourceAsStream("/db/common/" + migration)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Writes one event in its own transaction, the way {@code Outbox.publish} does. @return its id */
    static String insert(Connection c, String topic, String key, int n) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
                VALUES (?::uuid, ?, ?, 'TestEvent', ?, now())""")) {
            s.setString(1, id);
            s.setString(2, topic);
            s.setString(3, key);
            s.setString(4, "{\"id\":\"" + id + "\",\"subject\":\"" + key + "\",\"n\":" + n + "}");
            s.executeUpdate();
        }
        return id;
    }

    static long count(String where) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String newTopic() throws Exception {
        String topic = "revcycle.test.outbox." + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
        }
        return topic;
    }

    static void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            admin.deleteTopics(Set.of(topic)).all().get(20, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the broker removes nothing else; a leftover test topic is harmless
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA));
    }

    static RelayWorker.ConnectionFactory database() {
        return OutboxTestSupport::connect;
    }

    /** Every record of a topic from its beginning, in the order of each partition. */
    static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads until {@code distinct} different event ids have arrived or the timeout passes. */
        List<ConsumerRecord<String, String>> readUntilDistinct(int distinct, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<String> ids = new java.util.HashSet<>();
            records.forEach(r -> ids.add(idOf(r.value())));
            while (ids.size() < distinct && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r);
                    ids.add(idOf(r.value()));
                }
            }
            return records;
        }

        /** Keeps reading for {@code quiet}: whatever else arrives (duplicates) is added. */
        List<ConsumerRecord<String, String>> drain(Duration quiet) {
            long deadline = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    static String idOf(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    static int nOf(String json) {
        int start = json.indexOf("\"n\":") + 4;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Integer.parseInt(json.substring(start, end));
    }

    static void awaitTrue(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
