package dev.revcycle.common.clearinghouse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link MailboxStore} over the service's database. Exactly once rests on the processed-file table's key
 * (mailbox, file id): the insert that records a file and the handler's changes commit together, and a
 * second instance inserting the same file waits for the first to commit and then finds it recorded.
 */
@ApplicationScoped
public class JdbcMailboxStore implements MailboxStore {

    static final String CURSOR = "SELECT cursor_value FROM clearinghouse_mailbox_cursor WHERE mailbox = :mailbox";
    static final String RECORD = """
            INSERT INTO clearinghouse_mailbox_file (mailbox, file_id, file_type, cursor_value, outcome, processed_at)
            VALUES (:mailbox, :id, :type, :cursor, 'processing', :now)
            ON CONFLICT (mailbox, file_id) DO NOTHING""";
    static final String OUTCOME = "UPDATE clearinghouse_mailbox_file SET outcome = :outcome WHERE mailbox = :mailbox AND file_id = :id";
    static final String MOVE = """
            INSERT INTO clearinghouse_mailbox_cursor (mailbox, cursor_value, updated_at) VALUES (:mailbox, :cursor, :now)
            ON CONFLICT (mailbox) DO UPDATE SET cursor_value = EXCLUDED.cursor_value, updated_at = EXCLUDED.updated_at""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Optional<String> cursor(String mailbox) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(CURSOR).setParameter("mailbox", mailbox).getResultList();
            return rows.isEmpty() ? Optional.<String>empty() : Optional.of((String) rows.get(0));
        });
    }

    @Override
    public Optional<String> processOnce(String mailbox, MailboxFile file, Supplier<String> apply) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Timestamp now = Timestamp.from(clock.instant());
            int inserted = em.createNativeQuery(RECORD).setParameter("mailbox", mailbox).setParameter("id", file.id())
                    .setParameter("type", file.type() == null ? "" : file.type()).setParameter("cursor", file.cursor())
                    .setParameter("now", now).executeUpdate();
            if (inserted == 0) {
                return Optional.<String>empty();
            }
            String outcome = apply.get();
            em.createNativeQuery(OUTCOME).setParameter("outcome", outcome).setParameter("mailbox", mailbox)
                    .setParameter("id", file.id()).executeUpdate();
            move(mailbox, file.cursor(), now);
            return Optional.of(outcome);
        });
    }

    @Override
    public void advance(String mailbox, String cursor) {
        QuarkusTransaction.requiringNew().run(() -> move(mailbox, cursor, Timestamp.from(clock.instant())));
    }

    private void move(String mailbox, String cursor, Timestamp now) {
        em.createNativeQuery(MOVE).setParameter("mailbox", mailbox).setParameter("cursor", cursor)
                .setParameter("now", now).executeUpdate();
    }
}
