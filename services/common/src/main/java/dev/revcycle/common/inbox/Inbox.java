package dev.revcycle.common.inbox;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.contracts.CloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The consuming side of the event flow: a Kafka listener hands the raw record to
 * {@link #receive}, which applies it at most once. The event id is recorded in the inbox in the
 * same transaction as the effect, so a redelivered event is skipped. An event that can never be
 * handled throws {@link MalformedEventException}; the channel's dead-letter strategy then moves it
 * to the dead-letter topic with the reason, and the partition goes on.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What a consumer does with one event, inside the inbox's transaction. */
    @FunctionalInterface
    public interface Handler {
        void handle(CloudEvent<JsonNode> event) throws MalformedEventException;
    }

    /**
     * @return true if the event took effect now, false if it had already been applied
     */
    public boolean receive(String consumer, String json, Handler handler) throws MalformedEventException {
        CloudEvent<JsonNode> event = EventJson.read(json);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!firstDelivery(consumer, event)) {
                    LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
                    return false;
                }
                handler.handle(event);
                return true;
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw e;
        }
    }

    private boolean firstDelivery(String consumer, CloudEvent<JsonNode> event) {
        return em.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_id, event_type, received_at)
                        VALUES (:consumer, :id, :type, :at) ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }
}
