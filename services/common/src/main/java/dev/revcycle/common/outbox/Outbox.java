package dev.revcycle.common.outbox;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the same transaction as the change it reports; {@link OutboxRelay} publishes
 * it afterwards. A crash between the commit and the publish loses nothing, and a rolled-back change
 * publishes nothing.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * @param key  the Kafka key: the aggregate id, so that one aggregate's events stay in order
     * @param data the payload record from shared-contracts (never a JPA entity)
     * @return the CloudEvent id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        CloudEvent<Object> event = CloudEvent.of(id.toString(), "revcycle/" + serviceName, type, now, key, data);
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
                        VALUES (:id, :topic, :key, :type, :payload, :created)""")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", EventJson.write(event))
                .setParameter("created", Timestamp.from(now))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return id;
    }
}
