import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * bench/payments-collections-lag.sh's load: partner payments (POST /payments, signed, one Idempotency-Key each) at a
 * steady rate, open loop (each request leaves at start + i / rate whatever the answers before it), each to an account
 * of its own, and beside them a poller that watches collections' database for each account's new balance (its
 * balance_version above the seed's) and notes when it first became visible (committed).
 *
 *   java -cp <postgresql jar> bench/payments-collections-rate.java <accounts file: id,version per line>
 *        <out.csv> <payments base url> <rate/s> <warm-up s> <measured s> <practice> <collections jdbc url>
 *   environment: TOKEN (payment-partner), SECRET (the partner's signing secret), PGUSER, PGPASSWORD, POLL_MS (10),
 *                CONNECTIONS (32)
 *
 * The generator shares the two cores with what it measures, so it is kept lean: plain HTTP/1.1 over CONNECTIONS kept-alive
 * sockets, one blocking thread each taking the next due request (java.net.http.HttpClient took 30-40 % of a core at
 * 200 requests/s here, and its one selector thread delayed answers by seconds once busy, which left thousands of
 * accounts to poll every 10 ms: its poller's session took 23 % of a core), and a poller whose statement probes the
 * account index once per watched account however many are watched (a join could turn into a scan of the table).
 *
 * out.csv: account_id,phase,sent_ms,responded_ms,status,payment_id,visible_ms (epoch ms, fractional); phase warmup or
 * measured. Prints one summary line per phase.
 */
public final class PaymentsCollectionsRate {
    record Sent(String account, String phase, double sentMs) {
    }

    static final Map<String, double[]> responded = new ConcurrentHashMap<>(); // account -> {ms, status}
    static final Map<String, String> paymentIds = new ConcurrentHashMap<>();
    static final Map<String, Long> pending = new ConcurrentHashMap<>();       // account -> seed version
    static final Map<String, Double> visible = new ConcurrentHashMap<>();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    static double nowMs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1000.0 + i.getNano() / 1_000_000.0;
    }

    public static void main(String[] args) throws Exception {
        List<String[]> accounts = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split(",")).toList();
        Path out = Path.of(args[1]);
        String base = args[2];
        double rate = Double.parseDouble(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measured = Integer.parseInt(args[5]);
        String practice = args[6];
        String jdbc = args[7];
        String token = System.getenv("TOKEN");
        String secret = System.getenv("SECRET");
        long pollMs = Long.parseLong(System.getenv().getOrDefault("POLL_MS", "10"));
        int needed = (int) Math.round(rate * (warmup + measured));
        if (accounts.size() < needed) {
            throw new IllegalArgumentException(needed + " accounts needed (one payment each), " + accounts.size() + " given");
        }

        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "32"));
        URI target = URI.create(base);
        BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> connection(target, queue), "http-" + i);
            t.setDaemon(true); // a failure in main ends the program
            t.start();
        }
        Thread poller = new Thread(() -> poll(jdbc, pollMs), "poller");
        poller.setDaemon(true);
        poller.start();

        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Sent> sent = new ArrayList<>(needed);
        CountDownLatch answered = new CountDownLatch(needed);
        long start = System.nanoTime();
        for (int i = 0; i < needed; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000));
            }
            String[] a = accounts.get(i);
            String account = a[0];
            String phase = i < rate * warmup ? "warmup" : "measured";
            String reference = "lag-" + run + "-" + i;
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String body = String.format("{\"practiceId\":\"%s\",\"accountId\":\"%s\",\"amount\":%d.%02d,\"method\":\"CARD\","
                    + "\"reference\":\"%s\",\"receivedAt\":\"%s\"}", practice, account, r.nextInt(1, 91), r.nextInt(0, 100),
                    reference, Instant.now().minusSeconds(2).toString());
            long t = System.currentTimeMillis() / 1000;
            String head = "POST /payments HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: " + reference + "\r\nRevcycle-Signature: t=" + t + ",v1=" + sign(secret, t, body)
                    + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
            long version = Long.parseLong(a[1]);
            double sentMs = nowMs();
            sent.add(new Sent(account, phase, sentMs));
            queue.add(new Request((head + body).getBytes(StandardCharsets.UTF_8), () -> pending.put(account, version),
                    (status, response) -> {
                        double at = nowMs();
                        responded.put(account, new double[] {at, status});
                        Matcher m = ID.matcher(response);
                        if (status == 201 && m.find()) {
                            paymentIds.put(account, m.group(1));
                        } else {
                            pending.remove(account);
                        }
                        answered.countDown();
                    }));
        }
        double sendingSeconds = (System.nanoTime() - start) / 1e9;
        answered.await(60, TimeUnit.SECONDS);
        // the last balances: up to 60 s more
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("account_id,phase,sent_ms,responded_ms,status,payment_id,visible_ms");
            for (Sent s : sent) {
                double[] resp = responded.get(s.account());
                Double vis = visible.get(s.account());
                w.printf("%s,%s,%.3f,%s,%s,%s,%s%n", s.account(), s.phase(), s.sentMs(),
                        resp == null ? "" : String.format("%.3f", resp[0]), resp == null ? "" : (int) resp[1],
                        paymentIds.getOrDefault(s.account(), ""), vis == null ? "" : String.format("%.3f", vis));
            }
        }
        for (String phase : List.of("warmup", "measured")) {
            List<Sent> of = sent.stream().filter(s -> s.phase().equals(phase)).toList();
            Map<String, Integer> statuses = new TreeMap<>();
            double[] latency = of.stream().filter(s -> responded.containsKey(s.account()))
                    .mapToDouble(s -> responded.get(s.account())[0] - s.sentMs()).sorted().toArray();
            for (Sent s : of) {
                double[] resp = responded.get(s.account());
                statuses.merge(resp == null ? "none" : Integer.toString((int) resp[1]), 1, Integer::sum);
            }
            double first = of.stream().mapToDouble(Sent::sentMs).min().orElse(0);
            double last = of.stream().filter(s -> responded.containsKey(s.account()))
                    .mapToDouble(s -> responded.get(s.account())[0]).max().orElse(0);
            System.out.printf("%s: sent=%d over %.1fs answered %s; answered by %.1fs after the first (%.0f/s); "
                            + "HTTP p50=%.1fms p99=%.1fms max=%.1fms%n", phase, of.size(),
                    (double) (phase.equals("measured") ? measured : warmup), statuses, (last - first) / 1000,
                    of.size() / ((last - first) / 1000), pct(latency, 50), pct(latency, 99),
                    latency.length == 0 ? 0 : latency[latency.length - 1]);
        }
        System.out.printf("sending took %.1fs for %.1fs planned; not visible in collections after the wait: %d%n",
                sendingSeconds, (double) warmup + measured, pending.size());
        System.exit(0);
    }

    /**
     * One request's bytes, what to do as it goes on the wire (the poller watches its account from then on: a backlog
     * waiting for a connection is not polled) and with its answer (status -1: no answer).
     */
    record Request(byte[] bytes, Runnable onWire, Answer answer) {
    }

    interface Answer {
        void received(int status, String body);
    }

    /** One kept-alive connection: sends the queue's next request, reads its answer, reconnects after a failure. */
    static void connection(URI target, BlockingQueue<Request> queue) {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        while (true) {
            Request r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = socket.getOutputStream();
                }
                r.onWire().run();
                out.write(r.bytes());
                out.flush();
                int status = Integer.parseInt(line(in).split(" ", 3)[1]);
                int length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String h; !(h = line(in)).isEmpty(); ) {
                    String name = h.substring(0, Math.max(h.indexOf(':'), 0)).trim().toLowerCase();
                    String value = h.substring(h.indexOf(':') + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Integer.parseInt(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                if (chunked) {
                    for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                        response.write(in.readNBytes(size));
                        line(in);
                    }
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                } else if (length > 0) {
                    response.write(in.readNBytes(length));
                }
                r.answer().received(status, response.toString(StandardCharsets.UTF_8));
                if (close) {
                    socket.close();
                    socket = null;
                }
            } catch (IOException | RuntimeException e) {
                r.answer().received(-1, "");
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // gone
                }
                socket = null;
            }
        }
    }

    /** One CRLF-ended line, without the CRLF. */
    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p / 100 * sorted.length))];
    }

    static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every POLL_MS: which pending accounts have a balance newer than the seed's. A row seen in a statement's snapshot
     * was committed before the statement started, and was not when the previous one started: the start is noted.
     */
    static void poll(String jdbc, long pollMs) {
        try (Connection c = DriverManager.getConnection(jdbc, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
             PreparedStatement s = c.prepareStatement("""
                     SELECT u.id::text FROM unnest(?::uuid[], ?::bigint[]) AS u (id, v)
                     CROSS JOIN LATERAL (SELECT FROM account a WHERE a.id = u.id AND a.balance_version > u.v) AS newer""")) {
            c.setAutoCommit(true);
            while (true) {
                long next = System.nanoTime() + pollMs * 1_000_000;
                if (!pending.isEmpty()) {
                    List<Map.Entry<String, Long>> now = new ArrayList<>(pending.entrySet());
                    Array ids = c.createArrayOf("uuid", now.stream().map(Map.Entry::getKey).toArray());
                    Array versions = c.createArrayOf("bigint", now.stream().map(Map.Entry::getValue).toArray());
                    s.setArray(1, ids);
                    s.setArray(2, versions);
                    double at = nowMs();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String account = rs.getString(1);
                            visible.putIfAbsent(account, at);
                            pending.remove(account);
                        }
                    }
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (Exception e) {
            System.err.println("poller stopped: " + e);
        }
    }
}
