import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load generator for the revcycle benchmarks (JDK only; run with `java LoadGen.java`).
 * Each of N clients sends its next request as soon as the previous one answered; latencies of the
 * measured phase (after the warm-up) give p50/p99.
 *
 *   java LoadGen.java register <baseUrl> <token> <practice> <clients> <warmupSeconds> <seconds>
 *   java LoadGen.java search   <baseUrl> <token> <practice> <clients> <warmupSeconds> <seconds> <prefixLength>
 */
public class LoadGen {
    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: LoadGen register|search baseUrl token practice clients warmupSeconds seconds [prefixLength]");
            System.exit(2);
        }
        String mode = args[0];
        String base = args[1];
        String token = args[2];
        String practice = args[3];
        int clients = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int prefixLength = args.length > 7 ? Integer.parseInt(args[7]) : 3;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Supplier<HttpRequest> next = switch (mode) {
            case "register" -> () -> HttpRequest.newBuilder(URI.create(base + "/patients"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(registration(practice))).build();
            case "search" -> () -> HttpRequest.newBuilder(URI.create(base + "/patients?practiceId=" + practice
                            + "&name=" + letters(prefixLength) + "&size=20"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .GET().build();
            default -> throw new IllegalArgumentException("mode must be register or search");
        };

        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perClient = new ArrayList<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000];
            perClient.add(latencies);
            Thread t = new Thread(() -> {
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    try {
                        HttpResponse<String> response = http.send(next.get(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (start >= warmupEnd) {
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            if (n < latencies.length) {
                                latencies[n++] = took;
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                latencies[latencies.length - 1] = n; // count, stored in the last slot
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = 0;
        for (long[] l : perClient) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int i = 0;
        for (long[] l : perClient) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, i, n);
            i += n;
        }
        Arrays.sort(all);
        System.out.printf("mode=%s clients=%d seconds=%d requests=%d throughput=%.1f/s p50=%.2fms p99=%.2fms max=%.2fms statuses=%s errors=%d%n",
                mode, clients, seconds, total, total / (double) seconds, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, statuses, errors.get());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String letters(int n) {
        // seeded names use the letters a..p (see seed-patients.sql)
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(16)));
        }
        return s.toString();
    }

    private static String registration(String practice) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String last = "Bench" + letters(10);
        String first = "Pat" + letters(6);
        String dob = String.format("%04d-%02d-%02d", 1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String ssn = String.format("%03d%02d%04d", 100 + r.nextInt(565), 10 + r.nextInt(89), 1000 + r.nextInt(8999));
        return "{\"practiceId\":\"" + practice + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                + "\",\"dateOfBirth\":\"" + dob + "\",\"sex\":\"F\",\"ssn\":\"" + ssn + "\","
                + "\"address\":{\"line1\":\"12 Main St\",\"city\":\"Springfield\",\"state\":\"IL\",\"postalCode\":\"62704\"},"
                + "\"phone\":\"2175550199\",\"email\":\"bench@example.com\"}";
    }
}
