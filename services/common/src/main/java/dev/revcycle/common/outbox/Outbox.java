package dev.revcycle.common.outbox;

import dev.revcycle.common.db.Sql;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    Sql sql;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records one event. The row is written when the transaction completes, with every other event of
     * that transaction, in one JDBC batch, in the order they were published (a 10,000-claim remittance
     * publishes some 70,000 events: one round trip per event was half its time). Nothing is written for
     * a transaction that rolls back, and the relay is woken once after it commits.
     *
     * @param key  the Kafka key: the aggregate id, so that one aggregate's events stay in order
     * @param data the payload record from shared-contracts (never a JPA entity)
     * @return the CloudEvent id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        CloudEvent<Object> event = CloudEvent.of(id.toString(), "revcycle/" + serviceName, type, now, key, data);
        pending().add(new Row(id, topic, key, type, EventJson.write(event), Timestamp.from(now)));
        return id;
    }

    static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";
    /** Rows per JDBC batch: large enough to save the round trips, small enough to bound the driver's buffers. */
    private static final int BATCH = 1000;
    private static final Object PENDING = Outbox.class.getName() + ".pending";

    private record Row(UUID id, String topic, String key, String type, String payload, Timestamp created) {
    }

    /** This transaction's events not yet written; the first publish registers their writing at completion. */
    private List<Row> pending() {
        @SuppressWarnings("unchecked")
        List<Row> rows = (List<Row>) transactions.getResource(PENDING);
        if (rows != null) {
            return rows;
        }
        List<Row> created = new ArrayList<>();
        transactions.putResource(PENDING, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    sql.work(connection -> write(connection, created));
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return created;
    }

    private static Void write(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int inBatch = 0;
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setString(5, row.payload());
                insert.setTimestamp(6, row.created());
                insert.addBatch();
                if (++inBatch == BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        }
        rows.clear();
        return null;
    }
}
