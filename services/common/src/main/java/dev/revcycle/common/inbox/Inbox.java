package dev.revcycle.common.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.db.Sql;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.contracts.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The handling side of consumption: applies events at most once per consumer, in one transaction
 * with their effects. Each event applied (or ignored as older than what the consumer holds) leaves a
 * row in {@code inbox_event}, written in the same transaction as the effect, so a redelivered or
 * replayed event has no second effect. {@link InboxConsumers} is the transport that feeds it from
 * Kafka, in batches.
 *
 * <p>What a handler throws decides what happens to an event:
 * <ul>
 *   <li>{@link MalformedEventException}: it can never be applied (does not parse, does not match its
 *       schema, breaks a business rule): it is dead-lettered with that reason, and nothing of it is kept;</li>
 *   <li>{@link NotYetApplicable}: it refers to something this service does not know yet (a merge of a
 *       patient whose registration is still on its way): it is retried, like</li>
 *   <li>any other exception (the database away, a lock timeout): retried with backoff until it
 *       succeeds, its partition paused meanwhile; never dead-lettered.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /**
     * The batch's events this consumer applied before. One index probe per id, whatever the statistics say: as
     * {@code event_id = ANY (?)}, a custom plan over a young table whose statistics are missing or stale scanned all
     * of the consumer's rows (every row has the same consumer) and filtered them, 20-100 ms at 50,000 rows; the
     * {@code LIMIT} keeps the lateral probe from being flattened into a hash join over them.
     */
    public static final String ALREADY_APPLIED = """
            SELECT i.id FROM unnest(?::text[]) AS i (id)
            CROSS JOIN LATERAL (SELECT FROM inbox_event e WHERE e.consumer = ? AND e.event_id = i.id LIMIT 1) AS applied""";

    /** One row per event of the batch, in one statement. */
    public static final String RECORD = """
            INSERT INTO inbox_event (consumer, event_id, event_type, outcome, received_at)
            SELECT ?, e.id, e.type, e.outcome, ?
            FROM unnest(?::text[], ?::text[], ?::text[]) AS e (id, type, outcome)
            ON CONFLICT DO NOTHING""";

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** What a handler made of an event. */
    public enum Outcome {
        /** Taken into account (also when the consumer keeps nothing of this type). */
        APPLIED,
        /** Not newer than what the consumer holds (by the payload's version): recorded and ignored. */
        STALE,
        /** Already applied before: no second effect, no new row. */
        DUPLICATE
    }

    /** What a consumer does with one event, inside the inbox's transaction. */
    @FunctionalInterface
    public interface Handler {
        Outcome handle(CloudEvent<JsonNode> event) throws MalformedEventException;

        /**
         * The batch's events not applied before, in order, in one transaction; one outcome each.
         * Override to apply many at once (one statement for a run of events), keeping their order's effect.
         */
        default List<Outcome> handleAll(List<CloudEvent<JsonNode>> events) throws MalformedEventException {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (CloudEvent<JsonNode> event : events) {
                outcomes.add(handle(event));
            }
            return outcomes;
        }
    }

    /** The event refers to something not known yet: it is retried (never dead-lettered) until it is. */
    public static class NotYetApplicable extends RuntimeException {
        public NotYetApplicable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Applies one event once.
     *
     * @return what became of it
     */
    public Outcome receive(String consumer, String json, Handler handler) throws MalformedEventException {
        return receiveAll(consumer, List.of(json), handler).get(0);
    }

    /**
     * Applies the events in order, all in one transaction: either every one of them takes effect
     * and is recorded, or none does (the caller then falls back to one at a time to find the one
     * that fails).
     *
     * @return the outcome of each event, in order
     * @throws MalformedEventException if one of them can never be applied (nothing took effect)
     */
    public List<Outcome> receiveAll(String consumer, List<String> jsons, Handler handler) throws MalformedEventException {
        List<CloudEvent<JsonNode>> events = new ArrayList<>(jsons.size());
        for (String json : jsons) {
            events.add(EventJson.read(json));
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyAll(consumer, events, handler));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw e;
        }
    }

    private List<Outcome> applyAll(String consumer, List<CloudEvent<JsonNode>> events, Handler handler)
            throws MalformedEventException {
        Set<String> seen = alreadyApplied(consumer, events);
        List<CloudEvent<JsonNode>> fresh = new ArrayList<>(events.size());
        for (CloudEvent<JsonNode> event : events) {
            if (seen.add(event.id())) {
                fresh.add(event);
            } else {
                LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            }
        }
        List<Outcome> handled = fresh.isEmpty() ? List.of() : handler.handleAll(fresh);
        if (handled.size() != fresh.size()) {
            throw new IllegalStateException(consumer + ": the handler gave " + handled.size() + " outcomes for "
                    + fresh.size() + " events");
        }
        List<String> ids = new ArrayList<>(fresh.size());
        List<String> types = new ArrayList<>(fresh.size());
        List<String> recorded = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            CloudEvent<JsonNode> event = fresh.get(i);
            if (handled.get(i) == Outcome.STALE) {
                // ids and types only: the payload may carry PHI
                LOG.debugf("%s: %s %s (subject %s) is not newer than what was applied; recorded and ignored",
                        consumer, event.type(), event.id(), event.subject());
            }
            ids.add(event.id());
            types.add(event.type());
            recorded.add(handled.get(i).name().toLowerCase(java.util.Locale.ROOT));
        }
        record(consumer, ids, types, recorded);
        // one outcome per event given, in order: a repeated one is a duplicate
        List<Outcome> outcomes = new ArrayList<>(events.size());
        java.util.Map<String, Outcome> byId = new java.util.HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            byId.put(fresh.get(i).id(), handled.get(i));
        }
        for (CloudEvent<JsonNode> event : events) {
            Outcome outcome = byId.remove(event.id());
            outcomes.add(outcome == null ? Outcome.DUPLICATE : outcome);
        }
        return outcomes;
    }

    private Set<String> alreadyApplied(String consumer, List<CloudEvent<JsonNode>> events) {
        String[] ids = events.stream().map(CloudEvent::id).distinct().toArray(String[]::new);
        return sql.work(c -> {
            Set<String> seen = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(ALREADY_APPLIED)) {
                s.setArray(1, c.createArrayOf("text", ids));
                s.setString(2, consumer);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getString(1));
                    }
                }
            }
            return seen;
        });
    }

    /**
     * One row per event, in one statement. Another replica may have applied one of these events
     * meanwhile (a rebalance moved the partition): then fewer rows are inserted, and the whole
     * transaction is rolled back and retried, when those events are found already applied.
     */
    private void record(String consumer, List<String> ids, List<String> types, List<String> outcomes) {
        if (ids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = sql.work(c -> {
            try (PreparedStatement s = c.prepareStatement(RECORD)) {
                s.setString(1, consumer);
                s.setTimestamp(2, now);
                s.setArray(3, array(c, ids));
                s.setArray(4, array(c, types));
                s.setArray(5, array(c, outcomes));
                return s.executeUpdate();
            }
        });
        if (inserted != ids.size()) {
            throw new IllegalStateException("an event of this batch was applied concurrently; retrying");
        }
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }
}
