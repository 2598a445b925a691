package dev.revcycle.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link FaultProxy} in front of PostgreSQL, to make the database unreachable for the application
 * under test without stopping the server every other test uses. A test resource, so that it
 * listens before the application connects (Flyway migrates at start): it points the datasource at
 * itself. Use it from a {@code QuarkusTestProfile} whose {@code testResources()} names it with the
 * argument {@code database} (e.g. {@code eligibility_test}); the test then calls
 * {@code DatabaseFaultProxy.current().cut()} and {@code .restore()}.
 */
public class DatabaseFaultProxy implements QuarkusTestResourceLifecycleManager {
    private static volatile FaultProxy current;
    private String database;

    @Override
    public void init(Map<String, String> args) {
        database = args.get("database");
        if (database == null) {
            throw new IllegalArgumentException("DatabaseFaultProxy needs the argument database");
        }
    }

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("REVCYCLE_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("REVCYCLE_DB_PORT", "5432"));
        current = FaultProxy.start(0, host, port);
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + current.port() + "/" + database);
    }

    /** The proxy of the running test profile. */
    public static FaultProxy current() {
        if (current == null) {
            throw new IllegalStateException("no DatabaseFaultProxy was started (is it in the test profile?)");
        }
        return current;
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
