package dev.revcycle.claims.api;

import dev.revcycle.claims.app.Clearinghouse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The clearinghouse of these tests: keeps what it was sent; {@code failure} makes it fail. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeClearinghouse implements Clearinghouse {
    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile String failure;

    public void fail(String reason) {
        failure = reason;
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public Submission send837(String x837) {
        if (failure != null) {
            return Submission.failed(failure);
        }
        sent.add(x837);
        return Submission.accepted(List.of("999-" + sent.size(), "277CA-" + sent.size()));
    }
}
