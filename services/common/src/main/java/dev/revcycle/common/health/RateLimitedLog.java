package dev.revcycle.common.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Warnings about an outage, at most one per cause per period, the next one saying how many were
 * left out: a broker that is down for an hour writes about 120 lines, not thousands.
 */
public final class RateLimitedLog {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private final Logger log;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLog(Logger log) {
        this(log, DEFAULT_PERIOD, System::nanoTime);
    }

    public RateLimitedLog(Logger log, Duration period, LongSupplier nanoTime) {
        this.log = log;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Logs {@code String.format(format, args)} at WARN unless {@code cause} was logged within the period. */
    public void warn(String cause, String format, Object... args) {
        Window window = windows.computeIfAbsent(cause, c -> new Window());
        long suppressed;
        synchronized (window) {
            long now = nanoTime.getAsLong();
            if (window.logged && now - window.lastNanos < periodNanos) {
                window.suppressed++;
                return;
            }
            suppressed = window.suppressed;
            window.logged = true;
            window.lastNanos = now;
            window.suppressed = 0;
        }
        String message = String.format(format, args);
        if (suppressed > 0) {
            message += " (" + suppressed + " more like it in the last " + Duration.ofNanos(periodNanos).toSeconds() + " s)";
        }
        log.warn(message);
    }

    /** The cause is over: its next warning is logged at once. */
    public void clear(String cause) {
        windows.remove(cause);
    }

    private static final class Window {
        boolean logged;
        long lastNanos;
        long suppressed;
    }
}
