package dev.revcycle.claims.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.revcycle.common.clearinghouse.JdbcMailboxStore;
import dev.revcycle.common.clearinghouse.MailboxClient;
import dev.revcycle.common.clearinghouse.MailboxFile;
import dev.revcycle.common.clearinghouse.MailboxHandler;
import dev.revcycle.common.clearinghouse.MailboxPolling;
import dev.revcycle.testing.QueryPlans;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox poller over claims' real database (common's migration V0_7 and claims' V30): each file is applied
 * exactly once — the handler's write and the processed-file record commit together — across rounds, a restart
 * (a new poller over the stored cursor) and a lost cursor; a handler that fails leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class MailboxExactlyOnceTest {

    @Inject
    JdbcMailboxStore store;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource db;

    private HttpServer server;
    private final List<String[]> files = new ArrayList<>();
    private String base;
    private String mailbox;
    private boolean failing;

    @BeforeEach
    void start() throws IOException {
        mailbox = "claims-test:" + UUID.randomUUID();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mailbox", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/mailbox")) {
                String query = exchange.getRequestURI().getQuery();
                int after = query.contains("after=") ? Integer.parseInt(query.replaceAll(".*after=(\\d+).*", "$1")) : 0;
                StringBuilder json = new StringBuilder("{\"files\":[");
                for (int i = after; i < files.size(); i++) {
                    json.append(i > after ? "," : "").append("{\"id\":\"").append(files.get(i)[0]).append("\",\"cursor\":\"")
                            .append(i + 1).append("\",\"type\":\"").append(files.get(i)[1]).append("\"}");
                }
                body = json.append("],\"next\":\"").append(files.size()).append("\"}").toString();
            } else {
                String id = path.substring("/mailbox/".length());
                body = files.stream().filter(f -> f[0].equals(id)).findFirst().map(f -> f[2]).orElse("");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Writes one acknowledgement_file row per file, in the poller's transaction, as claims' handler will. */
    private final MailboxHandler handler = new MailboxHandler() {
        @Override
        public Set<String> fileTypes() {
            return Set.of("999", "277CA");
        }

        @Override
        public String handle(MailboxFile file, String x12) {
            em.createNativeQuery("""
                    INSERT INTO acknowledgement_file (digest, file_type, sender_id, interchange_number, source, decisions,
                                                      received_by, received_at)
                    VALUES (:digest, :type, 'SANDBOX', '1', 'mailbox', 0, 'mailbox', now())""")
                    .setParameter("digest", mailbox + "/" + file.id()).setParameter("type", file.type()).executeUpdate();
            if (failing) {
                throw new IllegalStateException("the handler failed after writing");
            }
            return "applied";
        }
    };

    private MailboxPolling poller() {
        return new MailboxPolling(mailbox, "REVCYCLE", new MailboxClient(base, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                store, List.of(handler));
    }

    private long applied() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             var rows = st.executeQuery("SELECT count(*) FROM acknowledgement_file WHERE digest LIKE '" + mailbox + "/%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void eachFileIsAppliedOnceAcrossRoundsARestartAndALostCursor() throws Exception {
        files.add(new String[] {"a", "999", "ISA*999"});
        files.add(new String[] {"b", "835", "ISA*835"});
        files.add(new String[] {"c", "277CA", "ISA*277"});

        assertThat(poller().pollOnce().processed()).isEqualTo(3);
        assertThat(applied()).isEqualTo(2);
        assertThat(store.cursor(mailbox)).hasValue("3");

        // restart: a new poller, the cursor from the database
        assertThat(poller().pollOnce().processed()).isZero();
        files.add(new String[] {"d", "277CA", "ISA*277b"});
        assertThat(poller().pollOnce().processed()).isEqualTo(1);
        assertThat(applied()).isEqualTo(3);

        // the cursor lost: the processed-file records still hold
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM clearinghouse_mailbox_cursor WHERE mailbox = '" + mailbox + "'");
        }
        MailboxPolling.Round replay = poller().pollOnce();
        assertThat(replay.processed()).isZero();
        assertThat(replay.alreadyProcessed()).isEqualTo(4);
        assertThat(applied()).isEqualTo(3);
    }

    @Test
    void aFailingHandlerLeavesNeitherItsWriteNorTheRecordAndTheFileComesAgain() throws Exception {
        files.add(new String[] {"x", "999", "ISA*999"});
        failing = true;
        MailboxPolling.Round failed = poller().pollOnce();
        assertThat(failed.failure()).isEqualTo("handler failed on file x");
        assertThat(applied()).isZero();
        assertThat(store.cursor(mailbox)).isEmpty();

        failing = false;
        assertThat(poller().pollOnce().processed()).isEqualTo(1);
        assertThat(applied()).isEqualTo(1);
    }

    @Test
    void theStoresStatementsAreBounded() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            var rows = st.executeQuery("SELECT count(*) FROM clearinghouse_mailbox_file WHERE mailbox = 'plans-big'");
            rows.next();
            if (rows.getLong(1) == 0) {
                st.execute("""
                        INSERT INTO clearinghouse_mailbox_file (mailbox, file_id, file_type, cursor_value, outcome, processed_at)
                        SELECT 'plans-big', 'f' || i, '999', i::text, 'applied', now() FROM generate_series(1, 30000) AS i""");
                st.execute("""
                        INSERT INTO clearinghouse_mailbox_cursor (mailbox, cursor_value, updated_at)
                        SELECT 'plans-' || i, i::text, now() FROM generate_series(1, 5000) AS i ON CONFLICT DO NOTHING""");
                st.execute("ANALYZE clearinghouse_mailbox_file");
                st.execute("ANALYZE clearinghouse_mailbox_cursor");
            }
        }
        try (Connection c = db.getConnection()) {
            Set<String> scope = Set.of("mailbox");
            // the cursor table's key is the mailbox; the file table's scope is the mailbox, its key the file id
            QueryPlans.assertBounded(c, "SELECT cursor_value FROM clearinghouse_mailbox_cursor WHERE mailbox = ?", "plans-7");
            QueryPlans.assertBounded(c, QueryPlans.DEFAULT_MAX_ROWS, scope, """
                    INSERT INTO clearinghouse_mailbox_file (mailbox, file_id, file_type, cursor_value, outcome, processed_at)
                    VALUES (?, ?, ?, ?, 'processing', ?) ON CONFLICT (mailbox, file_id) DO NOTHING""",
                    "plans-big", "f77", "999", "77", java.time.Instant.now());
            QueryPlans.assertBounded(c, QueryPlans.DEFAULT_MAX_ROWS, scope,
                    "UPDATE clearinghouse_mailbox_file SET outcome = ? WHERE mailbox = ? AND file_id = ?",
                    "applied", "plans-big", "f77");
            QueryPlans.assertBounded(c, """
                    INSERT INTO clearinghouse_mailbox_cursor (mailbox, cursor_value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (mailbox) DO UPDATE SET cursor_value = EXCLUDED.cursor_value, updated_at = EXCLUDED.updated_at""",
                    "plans-7", "8", java.time.Instant.now());
        }
    }
}
