package dev.revcycle.common.clearinghouse;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Polls the clearinghouse mailbox every {@code revcycle.clearinghouse.mailbox.poll-interval} (5 s) for a
 * service that has {@link MailboxHandler} beans; does nothing in a service without one, or with
 * {@code revcycle.clearinghouse.mailbox.enabled=false} (tests call {@link #pollOnce()} themselves).
 *
 * <p><b>One poller per database.</b> A round runs only while its instance holds the advisory lock
 * {@link #LEADER_LOCK} ({@code pg_try_advisory_lock} on a connection kept for the round, no transaction open
 * during HTTP), like the outbox relay; other instances skip the round. Exactly once does not depend on the
 * lock: the processed-file record and the handler's changes commit in one transaction (see {@link JdbcMailboxStore}).
 */
@ApplicationScoped
public class MailboxPoller {
    /** "mailbox" in ASCII; advisory locks are per database. */
    public static final long LEADER_LOCK = 0x6D61696C626F78L;
    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    @ConfigProperty(name = "revcycle.clearinghouse.url", defaultValue = "http://127.0.0.1:8089")
    String baseUrl;

    @ConfigProperty(name = "revcycle.clearinghouse.connect-timeout", defaultValue = "2s")
    Duration connectTimeout;

    @ConfigProperty(name = "revcycle.clearinghouse.read-timeout", defaultValue = "10s")
    Duration readTimeout;

    @ConfigProperty(name = "revcycle.clearinghouse.mailbox.poll-interval", defaultValue = "5s")
    Duration interval;

    @ConfigProperty(name = "revcycle.clearinghouse.mailbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "revcycle.clearinghouse.mailbox.submitter", defaultValue = "REVCYCLE")
    String submitter;

    @ConfigProperty(name = "revcycle.service-name")
    String serviceName;

    @Inject
    Instance<MailboxHandler> handlers;

    @Inject
    JdbcMailboxStore store;

    @Inject
    DataSource dataSource;

    private MailboxPolling polling;
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        // a handler that takes no type (e.g. its service is not fully installed) does not make the service poll
        List<MailboxHandler> found = handlers.stream().filter(h -> !h.fileTypes().isEmpty()).toList();
        if (found.isEmpty()) {
            return;
        }
        polling = new MailboxPolling(serviceName + ":" + submitter, submitter,
                new MailboxClient(baseUrl, connectTimeout, readTimeout), store, found);
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "clearinghouse-mailbox");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void tick() {
        try {
            MailboxPolling.Round round = pollOnce();
            if (round.failure() != null) {
                LOG.debugf("mailbox round ended early: %s", round.failure());
            }
        } catch (RuntimeException e) {
            LOG.warnf("mailbox round failed (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * One round now, under the leader lock; a round that finds the lock held elsewhere does nothing.
     * For tests and for an operator's "poll now".
     */
    public MailboxPolling.Round pollOnce() {
        if (polling == null) {
            return new MailboxPolling.Round(0, 0, "no mailbox handler in this service");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "SELECT pg_try_advisory_lock(?)")) {
                return new MailboxPolling.Round(0, 0, "another instance is polling the mailbox");
            }
            try {
                return polling.pollOnce();
            } finally {
                lock(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            return new MailboxPolling.Round(0, 0, "database unavailable for the mailbox poller");
        }
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LEADER_LOCK);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
