package dev.revcycle.common.outbox;

import java.time.Duration;

/**
 * How a {@link RelayWorker} behaves; {@link OutboxRelay} fills it from {@code revcycle.outbox.*}.
 *
 * @param batchSize     rows read, sent and marked per round trip
 * @param interval      how often the active relay looks for rows besides being woken at commit
 * @param linger        after a wake-up, wait this long for more commits, so a busy service sends batches
 * @param maxBackoff    the longest wait between attempts while Kafka or the database is away; small, so
 *                      publishing resumes within seconds of the broker's return
 * @param standbyRetry  how often a standby tries to become the active relay
 * @param retention     how long published rows are kept (for troubleshooting) before they are deleted
 * @param cleanupEvery  how often the active relay deletes published rows older than {@code retention}
 */
public record RelaySettings(int batchSize, Duration interval, Duration linger, Duration maxBackoff,
                            Duration standbyRetry, Duration retention, Duration cleanupEvery) {
    public static final int DEFAULT_BATCH_SIZE = 2000;

    public RelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("revcycle.outbox.batch-size must be at least 1");
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(DEFAULT_BATCH_SIZE, Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMinutes(1));
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, interval, linger, maxBackoff, standbyRetry, retention, cleanupEvery);
    }

    public RelaySettings withRetention(Duration keep, Duration every) {
        return new RelaySettings(batchSize, interval, linger, maxBackoff, standbyRetry, keep, every);
    }
}
