package dev.revcycle.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class KafkaClientWarningsTest {
    private static ExtLogRecord record(Level level, String message) {
        return new ExtLogRecord(level, message, ExtLogRecord.FormatStyle.NO_FORMAT, KafkaClientWarningsTest.class.getName());
    }

    @Test
    void reconnectWarningsPassOncePerPeriodAndTheNextSaysHowManyWereLeftOut() throws Exception {
        KafkaClientWarnings.Limit limit = new KafkaClientWarnings.Limit(TimeUnit.MILLISECONDS.toNanos(300));
        int passed = 0;
        for (int i = 0; i < 50; i++) {
            if (limit.isLoggable(record(Level.WARNING, "Connection to node -1 could not be established"))) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(1);
        Thread.sleep(350);
        ExtLogRecord next = record(Level.WARNING, "Connection to node -1 could not be established");
        assertThat(limit.isLoggable(next)).isTrue();
        assertThat(next.getFormattedMessage()).endsWith("(49 more warnings of this client logger in the last 0 s)");
    }

    @Test
    void otherLevelsAreUntouched() {
        KafkaClientWarnings.Limit limit = new KafkaClientWarnings.Limit(TimeUnit.SECONDS.toNanos(30));
        assertThat(limit.isLoggable(record(Level.WARNING, "first"))).isTrue();
        assertThat(limit.isLoggable(record(Level.SEVERE, "an error"))).isTrue();
        assertThat(limit.isLoggable(record(Level.INFO, "info"))).isTrue();
        assertThat(limit.isLoggable(record(Level.WARNING, "second"))).isFalse();
    }
}
