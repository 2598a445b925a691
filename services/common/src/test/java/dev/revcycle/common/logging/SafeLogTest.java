package dev.revcycle.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class SafeLogTest {
    @Test
    void describesAFailureWithoutItsMessages() {
        Exception failure = new IllegalStateException("duplicate key (ssn)=(123456789)",
                new IllegalArgumentException("patient Ana Lopez"));
        String described = SafeLog.describe(failure);
        assertThat(described).contains("IllegalStateException", "IllegalArgumentException", "SafeLogTest")
                .doesNotContain("123456789", "Lopez");
        assertThat(SafeLog.chain(failure)).isEqualTo("java.lang.IllegalStateException <- java.lang.IllegalArgumentException");
    }

    @Test
    void keepsKafkasOwnMessagesWhichDescribeConnectionsNotData() {
        assertThat(SafeLog.chain(new TimeoutException("Topic revcycle.patients.events.v1 not present in metadata after 5000 ms.")))
                .contains("not present in metadata");
    }
}
