package dev.revcycle.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    /** Keeps what would be logged. */
    static final class Captured extends Logger {
        final List<String> lines = new ArrayList<>();

        Captured() {
            super("captured");
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + String.format(format, parameters));
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }
    }

    private final AtomicLong now = new AtomicLong();
    private final Captured log = new Captured();
    private final RateLimitedLog limited = new RateLimitedLog(log, Duration.ofSeconds(30), now::get);

    @Test
    void aMinuteOfWarningsTwiceASecondWritesTwoLinesAndCountsTheRest() {
        for (int i = 0; i < 120; i++) {
            limited.warn("kafka", "broker away (attempt %d)", i + 1);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        }
        assertThat(log.lines).containsExactly(
                "WARN broker away (attempt 1)",
                "WARN broker away (attempt 61) (59 more like it in the last 30 s)");
    }

    @Test
    void eachCauseHasItsOwnWindowAndAClearedCauseWarnsAtOnce() {
        limited.warn("kafka", "kafka away");
        limited.warn("database", "database away");
        limited.warn("kafka", "kafka away");
        limited.clear("kafka");
        limited.warn("kafka", "kafka away again");
        assertThat(log.lines).containsExactly("WARN kafka away", "WARN database away", "WARN kafka away again");
    }
}
