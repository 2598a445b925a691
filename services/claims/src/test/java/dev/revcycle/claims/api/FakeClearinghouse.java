package dev.revcycle.claims.api;

import dev.revcycle.claims.app.Clearinghouse;
import dev.revcycle.claims.x12.Sample277;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The clearinghouse of these tests: keeps what it was sent; {@code failure} makes it fail. A 276 is answered by
 * {@code statusAnswer} (default: a 277 with STC*P1:20, pending in process), an outage by {@code statusFailure}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeClearinghouse implements Clearinghouse {
    public static final Function<String, StatusExchange> PENDING =
            x276 -> StatusExchange.answered(Sample277.answer(x276, "P1:20", null, "20261201"));

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> inquiries = new CopyOnWriteArrayList<>();
    volatile String failure;
    volatile Function<String, StatusExchange> statusAnswer = PENDING;

    public void fail(String reason) {
        failure = reason;
    }

    public void answerStatus(Function<String, StatusExchange> answer) {
        statusAnswer = answer == null ? PENDING : answer;
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    public List<String> inquiries() {
        return List.copyOf(inquiries);
    }

    @Override
    public Submission send837(String x837) {
        if (failure != null) {
            return Submission.failed(failure);
        }
        sent.add(x837);
        return Submission.accepted(List.of("999-" + sent.size(), "277CA-" + sent.size()));
    }

    @Override
    public StatusExchange inquire(String x276) {
        inquiries.add(x276);
        return statusAnswer.apply(x276);
    }
}
