package dev.revcycle.payments.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Closed months per practice and the journal's sums over the ledger. */
@ApplicationScoped
public class PeriodStore {
    static final String CLOSED = "SELECT 1 FROM period_close WHERE practice_id = ? AND month = ?";
    static final String INSERT = """
            INSERT INTO period_close (id, practice_id, month, closed_at, closed_by, accounts_total)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (practice_id, month) DO NOTHING""";
    static final String FIND = "SELECT id, practice_id, month, closed_at, closed_by, accounts_total FROM period_close WHERE id = ?";
    static final String FIND_MONTH = "SELECT id, practice_id, month, closed_at, closed_by, accounts_total FROM period_close WHERE practice_id = ? AND month = ?";
    /** A/R before a date: the sum of every entry of the practice dated before it. */
    static final String AR_BEFORE = """
            SELECT coalesce(sum(insurance_delta + patient_delta), 0) FROM ledger_entry
            WHERE practice_id = ? AND effective_date < ?""";
    /** The month's movements by journal line. */
    static final String MOVEMENTS = """
            SELECT type, coalesce(kind, ''), responsibility, coalesce(method, ''), coalesce(group_code, ''),
                   sum(amount), sum(insurance_delta + patient_delta), count(*)
            FROM ledger_entry WHERE practice_id = ? AND effective_date >= ? AND effective_date < ?
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""";
    /** The sum of the account balances (every entry up to now), for the proof at close time. */
    static final String ACCOUNTS_TOTAL = "SELECT coalesce(sum(insurance_sum + patient_sum), 0) FROM account WHERE practice_id = ?";
    static final String AFTER = """
            SELECT coalesce(sum(insurance_delta + patient_delta), 0) FROM ledger_entry
            WHERE practice_id = ? AND effective_date >= ?""";

    /**
     * The month's provider-level (PLB) adjustments: the practice's books with the payer, not any patient's A/R
     * (signed as the 835: positive withheld from the practice, negative paid to it).
     */
    static final String PLB_MONTH = """
            SELECT coalesce(sum(amount), 0), count(*) FROM plb_entry
            WHERE practice_id = ? AND effective_date >= ? AND effective_date < ?""";

    public record PlbSum(BigDecimal amount, long entries) {
    }

    public PlbSum plb(String practiceId, LocalDate from, LocalDate until) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(PLB_MONTH)) {
                s.setString(1, practiceId);
                s.setObject(2, from);
                s.setObject(3, until);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new PlbSum(rs.getBigDecimal(1).setScale(2), rs.getLong(2));
                }
            }
        });
    }

    public record Close(UUID id, String practiceId, LocalDate month, Instant closedAt, String closedBy,
                        BigDecimal accountsTotal) {
    }

    public record Movement(String type, String kind, String responsibility, String method, String group,
                           BigDecimal amount, BigDecimal delta, long entries) {
    }

    @Inject
    LedgerStore ledger;

    public boolean closed(String practiceId, LocalDate month) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(CLOSED)) {
                s.setString(1, practiceId);
                s.setObject(2, month);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public boolean insert(Close close) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, close.id());
                s.setString(2, close.practiceId());
                s.setObject(3, close.month());
                s.setTimestamp(4, Timestamp.from(close.closedAt()));
                s.setString(5, close.closedBy());
                s.setBigDecimal(6, close.accountsTotal());
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<Close> find(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setObject(1, id);
                return closes(s);
            }
        });
    }

    public Optional<Close> find(String practiceId, LocalDate month) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_MONTH)) {
                s.setString(1, practiceId);
                s.setObject(2, month);
                return closes(s);
            }
        });
    }

    private static Optional<Close> closes(PreparedStatement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Close(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
                    rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBigDecimal(6).setScale(2)));
        }
    }

    public BigDecimal arBefore(String practiceId, LocalDate date) {
        return money(AR_BEFORE, practiceId, date);
    }

    public BigDecimal postedFrom(String practiceId, LocalDate date) {
        return money(AFTER, practiceId, date);
    }

    public BigDecimal accountsTotal(String practiceId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(ACCOUNTS_TOTAL)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1).setScale(2);
                }
            }
        });
    }

    private BigDecimal money(String sql, String practiceId, LocalDate date) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, practiceId);
                s.setObject(2, date);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1).setScale(2);
                }
            }
        });
    }

    public List<Movement> movements(String practiceId, LocalDate from, LocalDate until) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(MOVEMENTS)) {
                s.setString(1, practiceId);
                s.setObject(2, from);
                s.setObject(3, until);
                List<Movement> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Movement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getBigDecimal(6).setScale(2), rs.getBigDecimal(7).setScale(2),
                                rs.getLong(8)));
                    }
                }
                return out;
            }
        });
    }
}
