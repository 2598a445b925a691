package dev.revcycle.eligibility.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.eligibility.support.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * How a consumer's record is settled by the inbox (the mechanism every consuming service uses):
 * applied once then acknowledged; a transient failure retried in place; a malformed event nacked
 * (dead-lettered) with a reason that quotes no data; a redelivery acknowledged without a second effect.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class InboxDeliveryTest {
    @Inject
    Inbox inbox;

    /** A record whose acknowledgement or negative acknowledgement the test can see. */
    private static final class Record {
        final AtomicInteger acks = new AtomicInteger();
        final AtomicReference<Throwable> nack = new AtomicReference<>();
        final Message<String> message;

        Record(String payload) {
            message = Message.of(payload, () -> {
                acks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                nack.set(reason);
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    private static String event() {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/test", "TestHappened",
                Instant.now(), UUID.randomUUID().toString(), Map.of("n", 1)));
    }

    @Test
    void aTransientFailureIsRetriedInPlaceAndTheEventAppliedOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger effects = new AtomicInteger();
        Record record = new Record(event());
        inbox.deliver("test.transient", record.message, e -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database briefly away");
            }
            effects.incrementAndGet();
        }).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(attempts).hasValue(3);
        assertThat(effects).hasValue(1);
        assertThat(record.acks).hasValue(1);
        assertThat(record.nack.get()).isNull();

        // the same event delivered again: acknowledged, no second effect
        Record again = new Record(record.message.getPayload());
        inbox.deliver("test.transient", again.message, e -> effects.incrementAndGet())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(effects).hasValue(1);
        assertThat(again.acks).hasValue(1);
    }

    @Test
    void aMalformedEventIsNackedAtOnceWithASafeReasonAndLeavesNoInboxRow() throws Exception {
        Record notJson = new Record("{\"id\": \"x\", \"type\": \"PatientRegistered\", \"data\": {\"ssn\": \"123456789\"");
        inbox.deliver("test.malformed", notJson.message, e -> {
        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(notJson.acks).hasValue(0);
        assertThat(notJson.nack.get()).isInstanceOf(MalformedEventException.class);
        assertThat(notJson.nack.get().getMessage()).doesNotContain("123456789");

        String payload = event();
        Record refused = new Record(payload);
        AtomicInteger effects = new AtomicInteger();
        inbox.deliver("test.malformed", refused.message, e -> {
            throw new MalformedEventException("TestHappened without a patient id");
        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(refused.nack.get()).hasMessage("TestHappened without a patient id");
        // not recorded as applied: a fixed consumer would apply it when it is replayed from the dead-letter topic
        Record replayed = new Record(payload);
        inbox.deliver("test.malformed", replayed.message, e -> effects.incrementAndGet())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(effects).hasValue(1);
        assertThat(replayed.acks).hasValue(1);
    }
}
