import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/payments-collections-lag.sh with PROFILE=1: where a database's sessions spend their time, by sampling
 * pg_stat_activity every 10 ms for a number of seconds (the service's own sessions: its role sees their statements;
 * the bench's poller and this sampler left out). Each sample counts (state, wait event, first 90 characters of the
 * statement) of every session not idle; "idle in transaction" is time the service spends in Java inside a transaction.
 *
 *   java -cp <postgresql jar> bench/payments-collections-sample.java <jdbc url> <user> <password> <seconds> <label>
 */
public final class PaymentsCollectionsSample {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long seconds = Long.parseLong(args[3]);
        String label = args[4];
        Map<String, Integer> counts = new HashMap<>();
        int samples = 0;
        try (Connection c = DriverManager.getConnection(url + "?ApplicationName=lagbench-sampler", args[1], args[2]);
             Statement s = c.createStatement()) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + 10_000_000;
                try (ResultSet rs = s.executeQuery("""
                        SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU'),
                               regexp_replace(left(query, 90), '\\s+', ' ', 'g')
                        FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                          AND application_name NOT LIKE 'lagbench-%'
                          AND application_name NOT LIKE 'revcycle-outbox-relay%'""")) {
                    while (rs.next()) {
                        String key = rs.getString(1).equals("active") ? rs.getString(2) + " | " + rs.getString(3)
                                : rs.getString(1);
                        counts.merge(key, 1, Integer::sum);
                    }
                }
                samples++;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        int total = samples;
        System.out.printf("%s: %d samples over %d s (share of samples in which a session was in that state):%n", label,
                samples, seconds);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(14)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
