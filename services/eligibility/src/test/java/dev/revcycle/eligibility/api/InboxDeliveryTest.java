package dev.revcycle.eligibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the inbox applies events (the mechanism every consuming service uses): once per event, a batch
 * all or nothing, a malformed event refused with a reason that quotes no data and leaving no row, an
 * event not newer than the read model recorded as stale.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class InboxDeliveryTest {
    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource db;

    private static String event() {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/test", "TestHappened",
                Instant.now(), UUID.randomUUID().toString(), Map.of("n", 1)));
    }

    @Test
    void anEventIsAppliedOnceAndItsRedeliverySkipped() throws Exception {
        AtomicInteger effects = new AtomicInteger();
        String event = event();
        assertThat(inbox.receive("test.once", event, e -> count(effects))).isEqualTo(Outcome.APPLIED);
        assertThat(inbox.receive("test.once", event, e -> count(effects))).isEqualTo(Outcome.DUPLICATE);
        // the same event twice in one batch, and once more
        String other = event();
        assertThat(inbox.receiveAll("test.once", List.of(other, other, event), e -> count(effects)))
                .containsExactly(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(effects).hasValue(2);
        assertThat(outcome("test.once", event)).isEqualTo("applied");
    }

    @Test
    void aStaleEventIsRecordedAsSuch() throws Exception {
        String event = event();
        assertThat(inbox.receive("test.stale", event, e -> Outcome.STALE)).isEqualTo(Outcome.STALE);
        assertThat(outcome("test.stale", event)).isEqualTo("stale");
    }

    @Test
    void aBatchIsAllOrNothing() throws Exception {
        String first = event();
        String poison = event();
        String poisonId = EventJson.read(poison).id();
        AtomicInteger effects = new AtomicInteger();
        assertThatThrownBy(() -> inbox.receiveAll("test.batch", List.of(first, poison), e -> {
            if (e.id().equals(poisonId)) {
                throw new MalformedEventException("TestHappened without a patient id");
            }
            return count(effects);
        })).isInstanceOf(MalformedEventException.class).hasMessage("TestHappened without a patient id");
        assertThat(outcome("test.batch", first)).as("rolled back with the batch").isNull();
        // applied on its own afterwards
        assertThat(inbox.receive("test.batch", first, e -> count(effects))).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aMalformedEventIsRefusedWithASafeReasonAndLeavesNoInboxRow() throws Exception {
        String notJson = "{\"id\": \"x\", \"type\": \"PatientRegistered\", \"data\": {\"ssn\": \"123456789\"";
        assertThatThrownBy(() -> inbox.receive("test.malformed", notJson, e -> Outcome.APPLIED))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("123456789"));

        String payload = event();
        assertThatThrownBy(() -> inbox.receive("test.malformed", payload, e -> {
            throw new MalformedEventException("TestHappened without a patient id");
        })).hasMessage("TestHappened without a patient id");
        // not recorded as applied: a fixed consumer applies it when it is replayed from the dead-letter topic
        assertThat(outcome("test.malformed", payload)).isNull();
        assertThat(inbox.receive("test.malformed", payload, e -> Outcome.APPLIED)).isEqualTo(Outcome.APPLIED);
    }

    private static Outcome count(AtomicInteger effects) {
        effects.incrementAndGet();
        return Outcome.APPLIED;
    }

    private String outcome(String consumer, String event) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT outcome FROM inbox_event WHERE consumer = ? AND event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, EventJson.read(event).id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
