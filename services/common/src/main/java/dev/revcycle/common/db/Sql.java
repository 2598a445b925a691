package dev.revcycle.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC on the current transaction's connection: the one way the services' stores, the outbox, the inbox,
 * idempotency keys and the PHI audit run their SQL. Inside a JTA transaction the pool hands every caller the
 * connection enlisted in it, so a change, its events and the inbox's "seen" row commit or roll back together;
 * each call closes its handle before it returns, so nothing is left open when the transaction completes (a
 * Hibernate session's connection taken again in a before-commit step, after the session has let its own go, was
 * left open until the commit: a warning per transaction) and no Hibernate session is opened for it.
 */
@ApplicationScoped
public class Sql {
    @Inject
    DataSource dataSource;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on the transaction's connection (a pooled one in auto-commit outside a transaction). */
    public <T> T work(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** A statement that failed; the cause is the driver's exception (its SQL state says why). */
    public static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super("SQL failed (SQL state " + cause.getSQLState() + ")", cause);
        }
    }
}
