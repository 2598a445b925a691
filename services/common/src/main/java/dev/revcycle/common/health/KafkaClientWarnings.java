package dev.revcycle.common.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The Kafka clients warn on every reconnect attempt (about once a second per client) while the broker
 * is away. Their connection warnings pass at most once per 30 s per logger, the next one saying how
 * many were left out; everything else they log is untouched.
 */
@ApplicationScoped
public class KafkaClientWarnings {
    /** The loggers that repeat themselves during an outage. */
    static final List<String> NOISY = List.of(
            "org.apache.kafka.clients.NetworkClient",
            "org.apache.kafka.clients.ClientUtils",
            "org.apache.kafka.clients.consumer.internals.AbstractCoordinator",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
            "org.apache.kafka.clients.producer.internals.Sender");

    // strong references: java.util.logging keeps loggers weakly, and a collected logger loses its filter
    private static final Map<String, Logger> INSTALLED = new ConcurrentHashMap<>();

    void install(@Observes @Priority(1) StartupEvent event) {
        install(RateLimitedLog.DEFAULT_PERIOD);
    }

    static void install(Duration period) {
        for (String name : NOISY) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(new Limit(period.toNanos()));
            INSTALLED.put(name, logger);
        }
    }

    static final class Limit implements Filter {
        private final long periodNanos;
        private long lastNanos;
        private boolean logged;
        private long suppressed;

        Limit(long periodNanos) {
            this.periodNanos = periodNanos;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (record.getLevel().intValue() != Level.WARNING.intValue()) {
                return true;
            }
            long left;
            synchronized (this) {
                long now = System.nanoTime();
                if (logged && now - lastNanos < periodNanos) {
                    suppressed++;
                    return false;
                }
                logged = true;
                lastNanos = now;
                left = suppressed;
                suppressed = 0;
            }
            if (left > 0 && record instanceof ExtLogRecord ext) {
                ext.setMessage(ext.getFormattedMessage() + " (" + left + " more warnings of this client logger in the last "
                        + Duration.ofNanos(periodNanos).toSeconds() + " s)", ExtLogRecord.FormatStyle.NO_FORMAT);
            }
            return true;
        }
    }
}
