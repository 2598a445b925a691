package dev.revcycle.collections.store;

import dev.revcycle.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the transaction's own connection (common's {@link Sql}, as the outbox and the inbox write), so that a
 * change, its events and the inbox's "seen" row commit or roll back together. Every store of this service
 * goes through it.
 */
@ApplicationScoped
public class Jdbc {
    @Inject
    Sql sql;

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> T work(Sql.Work<T> work) {
        return sql.work(work);
    }

    public int update(String sql, Object... params) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                return s.executeUpdate();
            }
        });
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Binds String, Integer, Long, Boolean, BigDecimal, UUID, LocalDate, Instant, UUID[], {@link SqlArray} or null (as text). */
    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int n = i + 1;
            if (p == null) {
                s.setNull(n, Types.NULL);
            } else if (p instanceof LocalDate d) {
                s.setDate(n, Date.valueOf(d));
            } else if (p instanceof Instant t) {
                s.setTimestamp(n, Timestamp.from(t));
            } else if (p instanceof UUID[] ids) {
                s.setArray(n, s.getConnection().createArrayOf("uuid", ids));
            } else if (p instanceof SqlArray a) {
                s.setArray(n, s.getConnection().createArrayOf(a.type(), a.values()));
            } else if (p instanceof Typed typed) {
                if (typed.value() == null) {
                    s.setNull(n, typed.sqlType());
                } else {
                    bind(s, n, typed.value());
                }
            } else {
                bind(s, n, p);
            }
        }
    }

    private static void bind(PreparedStatement s, int n, Object p) throws SQLException {
        if (p instanceof LocalDate d) {
            s.setDate(n, Date.valueOf(d));
        } else if (p instanceof Instant t) {
            s.setTimestamp(n, Timestamp.from(t));
        } else {
            s.setObject(n, p);
        }
    }

    /**
     * An array parameter of a statement that takes a set of rows at once ({@code unnest}); dates and instants as their
     * ISO text, which PostgreSQL reads as the element type.
     */
    public record SqlArray(String type, Object[] values) {
    }

    /** The column of {@code rows} that {@code value} takes, as an array of the SQL type {@code type}. */
    public static <R> SqlArray array(String type, List<R> rows, java.util.function.Function<R, ?> value) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = value.apply(rows.get(i));
            values[i] = v instanceof LocalDate || v instanceof Instant ? v.toString() : v;
        }
        return new SqlArray(type, values);
    }

    /** A value whose SQL type must be named when it is null (a parameter PostgreSQL cannot infer). */
    public record Typed(Object value, int sqlType) {
    }

    public static Typed uuid(UUID value) {
        return new Typed(value, Types.OTHER);
    }

    public static Typed date(LocalDate value) {
        return new Typed(value, Types.DATE);
    }

    public static Typed money(BigDecimal value) {
        return new Typed(value, Types.NUMERIC);
    }

    public static Typed text(String value) {
        return new Typed(value, Types.VARCHAR);
    }

    public static Typed integer(Integer value) {
        return new Typed(value, Types.INTEGER);
    }

    public static Typed bool(Boolean value) {
        return new Typed(value, Types.BOOLEAN);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
