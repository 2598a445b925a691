package dev.revcycle.eligibility.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.eligibility.app.Clearinghouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The clearinghouse port when nobody answers: a reason, never an exception. */
class HttpClearinghouseTest {

    private static HttpClearinghouse at(String url, Duration readTimeout) {
        HttpClearinghouse clearinghouse = new HttpClearinghouse();
        clearinghouse.baseUrl = url;
        clearinghouse.connectTimeout = Duration.ofSeconds(2);
        clearinghouse.readTimeout = readTimeout;
        clearinghouse.start();
        return clearinghouse;
    }

    @Test
    void aClosedPortIsAClearinghouseThatCannotBeReached() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Clearinghouse.Exchange exchange = at("http://127.0.0.1:" + closed, Duration.ofSeconds(2)).send270("ISA*...~");
        assertThat(exchange.body()).isNull();
        assertThat(exchange.failure()).isEqualTo("clearinghouse could not be reached");
    }

    @Test
    void aListenerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long started = System.nanoTime();
            Clearinghouse.Exchange exchange = at("http://127.0.0.1:" + silent.getLocalPort() + "/", Duration.ofMillis(500))
                    .send270("ISA*...~");
            assertThat(exchange.failure()).isEqualTo("clearinghouse timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
