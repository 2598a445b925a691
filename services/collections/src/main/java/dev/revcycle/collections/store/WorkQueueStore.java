package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.DunningLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the work queue reads of a practice's accounts with a patient balance (one statement, then ranked in Java). */
@ApplicationScoped
public class WorkQueueStore {
    static final String ACCOUNTS = """
            SELECT a.id, a.patient_balance, a.oldest_open_service_date, a.promise_to_pay_until, d.level, d.first_statement_on,
                EXISTS (SELECT 1 FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
                        AND (h.until IS NULL OR h.until >= ?)) AS held,
                EXISTS (SELECT 1 FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL) AS placed,
                EXISTS (SELECT 1 FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status = 'ACTIVE') AS on_plan,
                EXISTS (SELECT 1 FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status = 'LAPSED') AS lapsed,
                EXISTS (SELECT 1 FROM movement m WHERE m.account_id = a.id AND m.type = 'PAYMENT' AND m.responsibility = 'PATIENT'
                        AND m.posted_at >= (SELECT MAX(n.created_at) FROM account_note n
                                            WHERE n.account_id = a.id AND n.kind = 'PROMISE_TO_PAY')) AS paid_since_promise,
                (SELECT n.created_by FROM account_note n WHERE n.account_id = a.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1)
                    AS last_worked_by
            FROM account a LEFT JOIN account_dunning d ON d.account_id = a.id
            WHERE a.practice_id = ? AND a.patient_balance > 0 AND a.merged_into IS NULL""";

    @Inject
    Jdbc jdbc;

    public record Row(UUID accountId, BigDecimal patientBalance, LocalDate oldestOpenServiceDate, LocalDate promiseOn,
                      DunningLevel level, LocalDate firstStatementOn, boolean held, boolean placed, boolean onPlan,
                      boolean lapsed, boolean paidSincePromise, String lastWorkedBy) {
    }

    public List<Row> accounts(String practiceId, LocalDate asOf) {
        return jdbc.list(ACCOUNTS, rs -> {
            String level = rs.getString("level");
            return new Row(Jdbc.uuid(rs, "id"), rs.getBigDecimal("patient_balance"), Jdbc.date(rs, "oldest_open_service_date"),
                    Jdbc.date(rs, "promise_to_pay_until"), level == null ? null : DunningLevel.valueOf(level),
                    Jdbc.date(rs, "first_statement_on"), rs.getBoolean("held"), rs.getBoolean("placed"), rs.getBoolean("on_plan"),
                    rs.getBoolean("lapsed"), rs.getBoolean("paid_since_promise"), rs.getString("last_worked_by"));
        }, asOf, practiceId);
    }
}
