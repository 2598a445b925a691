package dev.revcycle.claims.store;

import dev.revcycle.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Plain SQL on the transaction's own connection (the one Hibernate and the outbox write with), so
 * that a claim, its history and its events commit or roll back together.
 */
@ApplicationScoped
public class Jdbc {
    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    /** Flushes Hibernate's pending changes, then runs {@code work} on the transaction's connection (common's {@link Sql}). */
    public <T> T work(Sql.Work<T> work) {
        em.flush();
        return sql.work(work);
    }

    static void uuid(PreparedStatement s, int i, UUID value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.OTHER);
        } else {
            s.setObject(i, value);
        }
    }

    static void date(PreparedStatement s, int i, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setDate(i, Date.valueOf(value));
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
