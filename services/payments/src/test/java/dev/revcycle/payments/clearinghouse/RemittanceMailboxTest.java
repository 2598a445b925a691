package dev.revcycle.payments.clearinghouse;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.sun.net.httpserver.HttpServer;
import dev.revcycle.common.clearinghouse.JdbcMailboxStore;
import dev.revcycle.common.clearinghouse.MailboxClient;
import dev.revcycle.common.clearinghouse.MailboxHandler;
import dev.revcycle.common.clearinghouse.MailboxPoller;
import dev.revcycle.common.clearinghouse.MailboxPolling;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clearinghouse mailbox's 835s, through revcycle-common's poller with payments' real handler and database, over a
 * fake mailbox: each 835 file posts once — across rounds, a restart (a new poller over the stored cursor) and a lost
 * cursor —, files of other types are skipped, the practice is the one of the matched claims, and a file matching no
 * practice goes wholly to unapplied cash (for admins).
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class RemittanceMailboxTest {
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    @Inject
    JdbcMailboxStore store;

    @Inject
    RemittanceMailboxHandler handler;

    @Inject
    Instance<MailboxHandler> handlers;

    @Inject
    MailboxPoller poller;

    @Inject
    AgroalDataSource db;

    private HttpServer server;
    private final List<String[]> files = new ArrayList<>();
    private String base;
    private String mailbox;

    @BeforeEach
    void start() throws IOException {
        mailbox = "payments-test:" + UUID.randomUUID();
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

    private MailboxPolling restart() {
        return new MailboxPolling(mailbox, "REVCYCLE", new MailboxClient(base, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                store, List.of(handler));
    }

    static String file(String template, Map<String, String> values) {
        try (InputStream in = RemittanceMailboxTest.class.getResourceAsStream("/x12/" + template)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trace() {
        return "M" + Math.abs(ThreadLocalRandom.current().nextLong()) % 1_000_000_000_000L;
    }

    private long remittances(String trace) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM remittance WHERE trace_number = ?")) {
            s.setString(1, trace);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String outcome(String fileId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT outcome FROM clearinghouse_mailbox_file WHERE mailbox = ? AND file_id = ?")) {
            s.setString(1, mailbox);
            s.setString(2, fileId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static BigDecimal balance(String practice, UUID account) {
        return new BigDecimal(as("poster", practice).get("/accounts/" + account).then().statusCode(200).extract()
                .path("balance").toString());
    }

    @Test
    void theServiceTakes835sFromTheMailboxWithItsOwnCursorAndDoesNotPollInTests() {
        assertThat(handlers.stream().flatMap(h -> h.fileTypes().stream()).toList()).containsExactly("835");
        // tests poll by hand (revcycle.clearinghouse.mailbox.enabled=false); the bean is there for an operator's poll
        assertThat(poller).isNotNull();
    }

    @Test
    void an835FilePostsOnceAcrossPollsARestartAndALostCursor() throws Exception {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID claim = UUID.randomUUID();
        Topics2.claimCreated(claim, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "100.00", DAY)), null);
        UUID account = Topics2.accountOf(patient, practice);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (balance(practice, account).compareTo(new BigDecimal("100")) != 0 && System.nanoTime() < deadline) {
            Topics2.sleep();
        }
        String pcn = "PCN" + claim.toString().substring(0, 8);
        String trace = trace();
        files.add(new String[] {"ack", "999", "ISA*999"});
        files.add(new String[] {"era", "835", file("post_one_claim_pipes_bad_date.txt", Map.of("{PCN2}", pcn, "{TRACE}", trace))});
        files.add(new String[] {"junk", "835", "not an 835 at all"});

        MailboxPolling.Round first = restart().pollOnce();
        assertThat(first.failure()).isNull();
        assertThat(first.processed()).isEqualTo(3);
        assertThat(outcome("ack")).isEqualTo("skipped");
        assertThat(outcome("era")).isEqualTo("posted");
        assertThat(outcome("junk")).isEqualTo("unreadable");
        assertThat(remittances(trace)).isEqualTo(1);
        // the practice came from the matched claim: 100 − 50 paid − 30 CO-45, PR-3 20 to the patient
        as("poster", practice).get("/accounts/" + account).then().statusCode(200)
                .body("insuranceBalance", equalTo(0.0f)).body("patientBalance", equalTo(20.0f));
        as("poster", practice).get("/accounts/" + account + "/ledger").then().statusCode(200).body("total", equalTo(4));

        // a second round and a restart: nothing again
        assertThat(restart().pollOnce().processed()).isZero();
        assertThat(restart().pollOnce().processed()).isZero();
        // the cursor lost: the processed-file records still hold
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM clearinghouse_mailbox_cursor WHERE mailbox = ?")) {
            s.setString(1, mailbox);
            s.executeUpdate();
        }
        MailboxPolling.Round replay = restart().pollOnce();
        assertThat(replay.processed()).isZero();
        assertThat(replay.alreadyProcessed()).isEqualTo(3);
        // the same 835 under another file id (a clearinghouse resending it): the trace guard holds
        files.add(new String[] {"era-again", "835", files.get(1)[2]});
        assertThat(restart().pollOnce().processed()).isEqualTo(1);
        assertThat(outcome("era-again")).isEqualTo("duplicate");
        assertThat(remittances(trace)).isEqualTo(1);
        as("poster", practice).get("/accounts/" + account + "/ledger").then().statusCode(200).body("total", equalTo(4));
        as("auditor", practice).get("/accounts/" + account + "/verify").then().statusCode(200).body("consistent", equalTo(true));
    }

    @Test
    void aFileMatchingNoPracticeGoesWhollyToUnappliedCashForAdmins() throws Exception {
        String trace = trace();
        files.add(new String[] {"lost", "835", file("post_one_claim_pipes_bad_date.txt",
                Map.of("{PCN2}", "NOSUCH" + ThreadLocalRandom.current().nextInt(1_000_000), "{TRACE}", trace))});
        assertThat(restart().pollOnce().processed()).isEqualTo(1);
        assertThat(outcome("lost")).isEqualTo("posted");
        as("admin", "some-practice").get("/unapplied?unassigned=true&traceNumber=" + trace).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].practiceId", equalTo("")).body("items[0].amount", equalTo(50.0f));
        as("poster", "some-practice").get("/unapplied?traceNumber=" + trace).then().statusCode(200).body("items", empty());
        as("poster", "some-practice").get("/unapplied?unassigned=true").then().statusCode(400);
    }
}
