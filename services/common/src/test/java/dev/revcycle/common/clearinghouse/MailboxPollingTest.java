package dev.revcycle.common.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling round against a fake mailbox over real HTTP and an in-memory store. */
class MailboxPollingTest {

    private HttpServer server;
    private final List<String[]> files = new ArrayList<>(); // id, type, body
    private final AtomicInteger downloadFailures = new AtomicInteger();
    private final List<String> listedAfter = new ArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mailbox", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.equals("/mailbox")) {
                String query = exchange.getRequestURI().getQuery();
                int after = 0;
                for (String part : query.split("&")) {
                    if (part.startsWith("after=")) {
                        after = Integer.parseInt(part.substring(6));
                    }
                }
                listedAfter.add(String.valueOf(after));
                StringBuilder json = new StringBuilder("{\"files\":[");
                for (int i = after; i < files.size(); i++) {
                    json.append(i > after ? "," : "").append("{\"id\":\"").append(files.get(i)[0])
                            .append("\",\"cursor\":\"").append(i + 1).append("\",\"type\":\"").append(files.get(i)[1])
                            .append("\",\"createdAt\":\"2026-11-25T10:00:00Z\"}");
                }
                json.append("],\"next\":\"").append(files.size()).append("\"}");
                body = json.toString();
            } else {
                String id = path.substring("/mailbox/".length());
                if (downloadFailures.getAndDecrement() > 0) {
                    status = 503;
                    body = "";
                } else {
                    body = files.stream().filter(f -> f[0].equals(id)).findFirst().map(f -> f[2]).orElse("");
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
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

    /** The store as JdbcMailboxStore keeps it, in memory: the cursor and the processed files. */
    static final class MemoryStore implements MailboxStore {
        final Map<String, String> cursors = new HashMap<>();
        final Map<String, String> processed = new LinkedHashMap<>();

        @Override
        public Optional<String> cursor(String mailbox) {
            return Optional.ofNullable(cursors.get(mailbox));
        }

        @Override
        public synchronized Optional<String> processOnce(String mailbox, MailboxFile file, Supplier<String> apply) {
            if (processed.containsKey(mailbox + "/" + file.id())) {
                return Optional.empty();
            }
            String outcome = apply.get(); // a throw leaves nothing recorded, as a rollback does
            processed.put(mailbox + "/" + file.id(), outcome);
            cursors.put(mailbox, file.cursor());
            return Optional.of(outcome);
        }

        @Override
        public void advance(String mailbox, String cursor) {
            cursors.put(mailbox, cursor);
        }
    }

    private final List<String> handled = new ArrayList<>();

    private final MailboxHandler acknowledgements = new MailboxHandler() {
        @Override
        public Set<String> fileTypes() {
            return Set.of("999", "277CA");
        }

        @Override
        public String handle(MailboxFile file, String x12) {
            handled.add(file.id() + ":" + x12);
            return "applied";
        }
    };

    private MailboxPolling polling(MemoryStore store) {
        return new MailboxPolling("claims:REVCYCLE", "REVCYCLE",
                new MailboxClient(base, Duration.ofSeconds(1), Duration.ofSeconds(2)), store, List.of(acknowledgements));
    }

    @Test
    void eachFileOnceAcrossRoundsAndARestartAndOtherTypesSkipped() {
        files.add(new String[] {"f1", "999", "ISA-999"});
        files.add(new String[] {"f2", "835", "ISA-835"});
        files.add(new String[] {"f3", "277CA", "ISA-277"});
        MemoryStore store = new MemoryStore();

        MailboxPolling.Round first = polling(store).pollOnce();
        assertThat(first.processed()).isEqualTo(3);
        assertThat(handled).containsExactly("f1:ISA-999", "f3:ISA-277");
        assertThat(store.processed).containsEntry("claims:REVCYCLE/f2", "skipped");
        assertThat(store.cursors).containsEntry("claims:REVCYCLE", "3");

        // a new poller (the service restarted) with the same database: nothing again, then only the new file
        assertThat(polling(store).pollOnce().processed()).isZero();
        files.add(new String[] {"f4", "277CA", "ISA-277b"});
        assertThat(polling(store).pollOnce().processed()).isEqualTo(1);
        assertThat(handled).containsExactly("f1:ISA-999", "f3:ISA-277", "f4:ISA-277b");

        // the cursor lost (or a second instance listing from the start): the processed-file record still holds
        store.cursors.clear();
        MailboxPolling.Round replay = polling(store).pollOnce();
        assertThat(replay.processed()).isZero();
        assertThat(replay.alreadyProcessed()).isEqualTo(4);
        assertThat(handled).hasSize(3);
    }

    @Test
    void aFailedDownloadEndsTheRoundAndTheFileComesNextRound() {
        files.add(new String[] {"f1", "999", "ISA-999"});
        downloadFailures.set(1);
        MemoryStore store = new MemoryStore();

        MailboxPolling.Round failed = polling(store).pollOnce();
        assertThat(failed.failure()).isEqualTo("clearinghouse mailbox answered 503");
        assertThat(store.cursors).isEmpty();
        assertThat(handled).isEmpty();

        assertThat(polling(store).pollOnce().processed()).isEqualTo(1);
        assertThat(handled).containsExactly("f1:ISA-999");
    }

    @Test
    void anUnreachableMailboxIsAFailureNotAnException() {
        MailboxPolling polling = new MailboxPolling("claims:REVCYCLE", "REVCYCLE",
                new MailboxClient("http://127.0.0.1:9", Duration.ofMillis(500), Duration.ofSeconds(1)),
                new MemoryStore(), List.of(acknowledgements));
        assertThat(polling.pollOnce().failure()).startsWith("clearinghouse mailbox could not be reached");
    }
}
