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
import dev.revcycle.common.logging.SafeLog;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
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

    /** Attempts at an event that fails for another reason than being malformed, before it is dead-lettered. */
    static final int ATTEMPTS = 8;

    private volatile boolean shuttingDown;

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * What a {@code @Incoming @Blocking} method returns for each Kafka record: applies it once,
     * then acknowledges it. A malformed event is nacked at once (the channel's dead-letter strategy
     * moves it to the dead-letter topic with the reason). Any other failure (the database away, a
     * lock timeout) is retried in place with backoff, keeping the partition's order; after
     * {@value #ATTEMPTS} attempts it is dead-lettered too. While the service shuts down a failing
     * event is neither acknowledged nor dead-lettered: its offset is not committed and it is
     * delivered again after the restart.
     */
    public CompletionStage<Void> deliver(String consumer, Message<String> message, Handler handler) {
        long backoffMillis = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                receive(consumer, message.getPayload(), handler);
                return message.ack();
            } catch (MalformedEventException e) {
                LOG.warnf("%s: event dead-lettered: %s", consumer, e.getMessage());
                return message.nack(e);
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    LOG.infof("%s: shutting down; the event will be delivered again after the restart", consumer);
                    return new CompletableFuture<>();
                }
                if (attempt >= ATTEMPTS) {
                    LOG.errorf("%s: event dead-lettered after %d attempts: %s", consumer, attempt, SafeLog.chain(e));
                    return message.nack(new MalformedEventException("could not be applied after " + attempt
                            + " attempts (" + e.getClass().getSimpleName() + ")"));
                }
                LOG.warnf("%s: could not apply an event (attempt %d), retrying in %d ms: %s", consumer, attempt,
                        backoffMillis, SafeLog.chain(e));
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new CompletableFuture<>();
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
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
