package dev.revcycle.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the connection pool (Agroal, category {@code io.agroal.pool}) warns about while it is open, in the service
 * under test (a {@code @QuarkusTest} runs it in the test's JVM): e.g. "Closing open connection(s) prior to commit",
 * a connection a transaction's code left open until its commit.
 *
 * <pre>try (PoolWarnings warnings = PoolWarnings.watch()) { ...; assertThat(warnings.messages()).isEmpty(); }</pre>
 */
public final class PoolWarnings implements AutoCloseable {
    private static final String CATEGORY = "io.agroal.pool";
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Logger logger = Logger.getLogger(CATEGORY);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(FORMATTER.formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private PoolWarnings() {
        logger.addHandler(handler);
    }

    public static PoolWarnings watch() {
        return new PoolWarnings();
    }

    /** The warnings' messages so far. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
