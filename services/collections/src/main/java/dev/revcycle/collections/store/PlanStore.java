package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.PaymentPlan;
import dev.revcycle.collections.domain.PlanRecord;
import dev.revcycle.collections.domain.PlanFrequency;
import dev.revcycle.collections.domain.PlanStatus;
import dev.revcycle.collections.domain.PlanTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Payment plans (payment_plan). */
@ApplicationScoped
public class PlanStore {
    static final String COLUMNS = """
            id, account_id, practice_id, total_amount, installment_amount, frequency, first_due_date, status, paid,
            next_due_date, renegotiated_from, renegotiated_to, lapsed_on, created_by, created_at, version""";
    static final String INSERT = """
            INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency,
                first_due_date, installments, status, paid, next_due_date, renegotiated_from, created_by, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING""";
    static final String FIND = "SELECT " + COLUMNS + " FROM payment_plan WHERE id = ?";
    static final String LOCK = "SELECT " + COLUMNS + " FROM payment_plan WHERE id = ? FOR UPDATE";
    /** The plan payments count to: the account's latest one that is active, lapsed or completed, locked. */
    static final String LATEST_OF_ACCOUNT = "SELECT " + COLUMNS
            + " FROM payment_plan WHERE account_id = ? AND status IN ('ACTIVE', 'LAPSED', 'COMPLETED') AND created_at <= ?"
            + " ORDER BY created_at DESC LIMIT 1 FOR UPDATE";
    /** Which of the accounts have a plan that payments count to (most have none). */
    static final String ACCOUNTS_COUNTED = "SELECT DISTINCT account_id FROM payment_plan WHERE account_id = ANY (?)"
            + " AND status IN ('ACTIVE', 'LAPSED', 'COMPLETED')";
    static final String OPEN_OF_ACCOUNT = "SELECT " + COLUMNS
            + " FROM payment_plan WHERE account_id = ? AND status IN ('ACTIVE', 'LAPSED') LIMIT 1";
    static final String SAVE = """
            UPDATE payment_plan SET status = ?, paid = ?, next_due_date = ?, lapsed_on = ?, renegotiated_to = ?,
                completed_at = CASE WHEN ? = 'COMPLETED' THEN COALESCE(completed_at, ?) ELSE NULL END, version = version + 1
            WHERE id = ?""";
    /** Active plans whose first unpaid installment was due before {@code asOf − grace}, a page at a time. */
    static final String OVERDUE = "SELECT " + COLUMNS
            + " FROM payment_plan WHERE status = 'ACTIVE' AND next_due_date < ? AND (next_due_date, id) > (?, ?)"
            + " ORDER BY next_due_date, id LIMIT ?";

    @Inject
    Jdbc jdbc;


    /** False when the account has a plan in force already (the partial unique index). */
    public boolean insert(UUID id, UUID accountId, String practiceId, PlanTerms t, UUID renegotiatedFrom, String by, Instant now) {
        return jdbc.update(INSERT, id, accountId, practiceId, t.totalAmount(), t.installmentAmount(), t.frequency().name(),
                t.firstDueDate(), t.installmentCount(), t.firstDueDate(), Jdbc.uuid(renegotiatedFrom), by, now) == 1;
    }

    public Optional<PlanRecord> find(UUID id) {
        return jdbc.one(FIND, PlanStore::row, id);
    }

    public Optional<PlanRecord> lock(UUID id) {
        return jdbc.one(LOCK, PlanStore::row, id);
    }

    public Optional<PlanRecord> latestOfAccount(UUID accountId, Instant postedAt) {
        return jdbc.one(LATEST_OF_ACCOUNT, PlanStore::row, accountId, postedAt);
    }

    public Set<UUID> accountsCounted(Collection<UUID> accountIds) {
        return new HashSet<>(jdbc.list(ACCOUNTS_COUNTED, rs -> Jdbc.uuid(rs, "account_id"), (Object) accountIds.toArray(UUID[]::new)));
    }

    public Optional<PlanRecord> openOfAccount(UUID accountId) {
        return jdbc.one(OPEN_OF_ACCOUNT, PlanStore::row, accountId);
    }

    /** A page of the overdue active plans after ({@code afterDue}, {@code afterId}) in (next due date, id) order. */
    public List<PlanRecord> overdue(LocalDate before, LocalDate afterDue, UUID afterId, int size) {
        return jdbc.list(OVERDUE, PlanStore::row, before, afterDue, afterId, size);
    }

    public void save(UUID id, PaymentPlan p, LocalDate lapsedOn, UUID renegotiatedTo, Instant now) {
        LocalDate next = p.nextDue().map(i -> i.dueDate()).orElse(null);
        jdbc.update(SAVE, p.status().name(), p.paid(), Jdbc.date(next), Jdbc.date(lapsedOn), Jdbc.uuid(renegotiatedTo),
                p.status().name(), now, id);
    }

    private static PlanRecord row(ResultSet rs) throws SQLException {
        PlanTerms terms = new PlanTerms(rs.getBigDecimal("total_amount"), rs.getBigDecimal("installment_amount"),
                PlanFrequency.valueOf(rs.getString("frequency")), Jdbc.date(rs, "first_due_date"));
        BigDecimal paid = rs.getBigDecimal("paid");
        PaymentPlan plan = new PaymentPlan(terms, PlanStatus.valueOf(rs.getString("status")), paid);
        return new PlanRecord(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "account_id"), rs.getString("practice_id"), plan,
                Jdbc.date(rs, "lapsed_on"), Jdbc.uuid(rs, "renegotiated_from"), Jdbc.uuid(rs, "renegotiated_to"),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"), rs.getLong("version"));
    }
}
