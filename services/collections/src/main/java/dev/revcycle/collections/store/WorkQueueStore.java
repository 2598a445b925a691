package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.DunningLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The work queue, kept (work_queue_day, work_item): the facts the queue's rule reads of accounts, for a chunk of a
 * practice's accounts (to build a day) or for the accounts a transaction changed (on every day built for their
 * practice); the items written back; a page in the queue's order, an index range.
 */
@ApplicationScoped
public class WorkQueueStore {
    /**
     * Scalar subqueries by key (LIMIT 1, not EXISTS: a generic plan may hash an EXISTS over its whole table; no join,
     * so that a chunk's rows go from its index range straight to its LIMIT).
     */
    private static final String FACTS = """
            SELECT %1$s AS as_of, a.id, a.practice_id, a.patient_balance, a.oldest_open_service_date, a.promise_to_pay_until,
                a.merged_into,
                (SELECT d.level FROM account_dunning d WHERE d.account_id = a.id) AS level,
                (SELECT d.first_statement_on FROM account_dunning d WHERE d.account_id = a.id) AS first_statement_on,
                (SELECT pol.placement_after_days FROM practice_policy pol WHERE pol.practice_id = a.practice_id)
                    AS placement_after_days,
                (SELECT pol.minimum_placement_balance FROM practice_policy pol WHERE pol.practice_id = a.practice_id)
                    AS minimum_placement_balance,
                COALESCE((SELECT TRUE FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
                        AND (h.until IS NULL OR h.until >= %1$s) LIMIT 1), FALSE) AS held,
                COALESCE((SELECT TRUE FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL LIMIT 1), FALSE) AS placed,
                (SELECT pp.status FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status IN ('ACTIVE', 'LAPSED'))
                    AS open_plan,
                COALESCE((SELECT TRUE FROM movement m WHERE m.account_id = a.id AND m.type = 'PAYMENT' AND m.responsibility = 'PATIENT'
                        AND m.posted_at >= (SELECT MAX(n.created_at) FROM account_note n
                                            WHERE n.account_id = a.id AND n.kind = 'PROMISE_TO_PAY') LIMIT 1), FALSE) AS paid_since_promise,
                (SELECT n.created_by FROM account_note n WHERE n.account_id = a.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1)
                    AS last_worked_by
            FROM %2$s
            """;
    /** A chunk of a practice's accounts with a patient balance, by id (account_patient_balance_id), for one day. */
    static final String CHUNK = FACTS.formatted("CAST(? AS date)", "account a")
            + "WHERE a.practice_id = ? AND a.patient_balance > 0 AND a.id > ? ORDER BY a.id LIMIT ?";
    /** The accounts changed, on every day built (or being built) for their practice. */
    static final String CHANGED = FACTS.formatted("q.as_of",
            "account a JOIN work_queue_day q ON q.practice_id = a.practice_id") + "WHERE a.id = ANY (?)";
    static final String DELETE_ITEMS = "DELETE FROM work_item WHERE account_id = ANY (?)";
    static final String UPSERT_ITEM = """
            INSERT INTO work_item (as_of, account_id, practice_id, tier, score, age_days, reason, patient_balance, dunning_level,
                promise_to_pay_until, last_worked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, as_of) DO UPDATE SET tier = EXCLUDED.tier, score = EXCLUDED.score,
                age_days = EXCLUDED.age_days, reason = EXCLUDED.reason, patient_balance = EXCLUDED.patient_balance,
                dunning_level = EXCLUDED.dunning_level, promise_to_pay_until = EXCLUDED.promise_to_pay_until,
                last_worked_by = EXCLUDED.last_worked_by""";
    static final String DELETE_ITEM = "DELETE FROM work_item WHERE account_id = ? AND as_of = ?";
    private static final String ITEM_COLUMNS = "account_id, tier, score, age_days, reason, patient_balance, dunning_level, "
            + "promise_to_pay_until, last_worked_by";
    static final String PAGE = "SELECT " + ITEM_COLUMNS + " FROM work_item WHERE practice_id = ? AND as_of = ? "
            + "ORDER BY tier, score DESC, age_days DESC, account_id LIMIT ? OFFSET ?";
    static final String PAGE_OF_COLLECTOR = "SELECT " + ITEM_COLUMNS + " FROM work_item WHERE practice_id = ? AND as_of = ? "
            + "AND last_worked_by = ? ORDER BY tier, score DESC, age_days DESC, account_id LIMIT ? OFFSET ?";
    /** Capped counts, in the index's order so that they read the day's range of it and stop at the cap. */
    static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM work_item WHERE practice_id = ? AND as_of = ? "
            + "ORDER BY tier, score DESC, age_days DESC, account_id LIMIT ?) t";
    static final String COUNT_OF_COLLECTOR = "SELECT count(*) FROM (SELECT 1 FROM work_item WHERE practice_id = ? AND as_of = ? "
            + "AND last_worked_by = ? ORDER BY tier, score DESC, age_days DESC, account_id LIMIT ?) t";
    static final String DAY = "SELECT built_at FROM work_queue_day WHERE practice_id = ? AND as_of = ?";
    static final String START_DAY = "INSERT INTO work_queue_day (practice_id, as_of) VALUES (?, ?) ON CONFLICT DO NOTHING";
    static final String FINISH_DAY = "UPDATE work_queue_day SET built_at = ? WHERE practice_id = ? AND as_of = ?";
    static final String DAYS_OF_PRACTICE = "SELECT as_of FROM work_queue_day WHERE practice_id = ? ORDER BY as_of";
    static final String DROP_ITEMS_OF_DAY = "DELETE FROM work_item WHERE practice_id = ? AND as_of = ?";
    static final String DROP_DAY = "DELETE FROM work_queue_day WHERE practice_id = ? AND as_of = ?";
    static final String DAYS_BEFORE = "SELECT practice_id, as_of FROM work_queue_day WHERE as_of < ?";

    @Inject
    Jdbc jdbc;

    /** What the queue's rule reads of one account on one day. */
    public record Row(LocalDate asOf, UUID accountId, String practiceId, BigDecimal patientBalance,
                      LocalDate oldestOpenServiceDate, LocalDate promiseOn, boolean merged, DunningLevel level,
                      LocalDate firstStatementOn, boolean held, boolean placed, boolean onPlan, boolean lapsed,
                      boolean paidSincePromise, String lastWorkedBy, Integer placementAfterDays,
                      BigDecimal minimumPlacementBalance) {
    }

    /** One account in the queue on a day. */
    public record Item(LocalDate asOf, UUID accountId, String practiceId, int tier, BigDecimal score, long ageDays, String reason,
                       BigDecimal patientBalance, String dunningLevel, LocalDate promiseToPayUntil, String lastWorkedBy) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        return new Row(Jdbc.date(rs, "as_of"), Jdbc.uuid(rs, "id"), rs.getString("practice_id"), rs.getBigDecimal("patient_balance"),
                Jdbc.date(rs, "oldest_open_service_date"), Jdbc.date(rs, "promise_to_pay_until"), rs.getObject("merged_into") != null,
                level == null ? null : DunningLevel.valueOf(level), Jdbc.date(rs, "first_statement_on"), rs.getBoolean("held"),
                rs.getBoolean("placed"), "ACTIVE".equals(rs.getString("open_plan")), "LAPSED".equals(rs.getString("open_plan")), rs.getBoolean("paid_since_promise"),
                rs.getString("last_worked_by"), Jdbc.integer(rs, "placement_after_days"),
                rs.getBigDecimal("minimum_placement_balance"));
    }

    /** The facts of up to {@code limit} of the practice's accounts with a patient balance after {@code afterId}, for {@code asOf}. */
    public List<Row> chunk(String practiceId, LocalDate asOf, UUID afterId, int limit) {
        return jdbc.list(CHUNK, WorkQueueStore::row, asOf, asOf, practiceId, afterId, limit);
    }

    /** The facts of these accounts on every day built for their practice (it also runs while the transaction completes). */
    public List<Row> changed(UUID[] accountIds) {
        return jdbc.list(CHANGED, WorkQueueStore::row, (Object) accountIds);
    }

    /** The accounts' items replaced by these (none: out of the queue on every day); as {@link #changed}. */
    public void replace(UUID[] accountIds, List<Item> items) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE_ITEMS)) {
                Jdbc.bind(s, (Object) accountIds);
                s.executeUpdate();
            }
            return upsert(c, items);
        });
    }

    /** A chunk of a day built: the items written, the chunk's other accounts taken out of that day. */
    public void write(LocalDate asOf, List<UUID> outOfQueue, List<Item> items) {
        if (!outOfQueue.isEmpty()) {
            jdbc.work(c -> {
                try (PreparedStatement s = c.prepareStatement(DELETE_ITEM)) {
                    for (UUID id : outOfQueue) {
                        Jdbc.bind(s, id, asOf);
                        s.addBatch();
                    }
                    return s.executeBatch();
                }
            });
        }
        upsert(items);
    }

    private void upsert(List<Item> items) {
        if (!items.isEmpty()) {
            jdbc.work(c -> upsert(c, items));
        }
    }

    private static int[] upsert(Connection c, List<Item> items) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT_ITEM)) {
            for (Item i : items) {
                Jdbc.bind(s, i.asOf(), i.accountId(), i.practiceId(), i.tier(), i.score(), Math.toIntExact(i.ageDays()),
                        i.reason(), i.patientBalance(), Jdbc.text(i.dunningLevel()), Jdbc.date(i.promiseToPayUntil()),
                        Jdbc.text(i.lastWorkedBy()));
                s.addBatch();
            }
            return s.executeBatch();
        }
    }

    /** A page of the day's queue in its order (tier, score ↓, age ↓, account id), of one collector's accounts or all. */
    public List<Item> page(String practiceId, LocalDate asOf, String collector, int limit, int offset) {
        Jdbc.RowMapper<Item> item = rs -> new Item(asOf, Jdbc.uuid(rs, "account_id"), practiceId, rs.getInt("tier"),
                rs.getBigDecimal("score"), rs.getLong("age_days"), rs.getString("reason"), rs.getBigDecimal("patient_balance"),
                rs.getString("dunning_level"), Jdbc.date(rs, "promise_to_pay_until"), rs.getString("last_worked_by"));
        return collector == null ? jdbc.list(PAGE, item, practiceId, asOf, limit, offset)
                : jdbc.list(PAGE_OF_COLLECTOR, item, practiceId, asOf, collector, limit, offset);
    }

    /** The day's items, counted up to {@code cap}. */
    public long count(String practiceId, LocalDate asOf, String collector, int cap) {
        return collector == null ? jdbc.count(COUNT, practiceId, asOf, cap)
                : jdbc.count(COUNT_OF_COLLECTOR, practiceId, asOf, collector, cap);
    }

    /** Whether the day is built for the practice: empty when never started, built_at null while being built. */
    public Optional<Optional<Instant>> day(String practiceId, LocalDate asOf) {
        return jdbc.one(DAY, rs -> Optional.ofNullable(Jdbc.instant(rs, "built_at")), practiceId, asOf);
    }

    public void startDay(String practiceId, LocalDate asOf) {
        jdbc.update(START_DAY, practiceId, asOf);
    }

    public void finishDay(String practiceId, LocalDate asOf, Instant at) {
        jdbc.update(FINISH_DAY, at, practiceId, asOf);
    }

    public List<LocalDate> days(String practiceId) {
        return jdbc.list(DAYS_OF_PRACTICE, rs -> Jdbc.date(rs, "as_of"), practiceId);
    }

    /** The day and its items dropped (a daily job's, or a policy change's, work). */
    public void dropDay(String practiceId, LocalDate asOf) {
        jdbc.update(DROP_ITEMS_OF_DAY, practiceId, asOf);
        jdbc.update(DROP_DAY, practiceId, asOf);
    }

    public record BuiltDay(String practiceId, LocalDate asOf) {
    }

    public List<BuiltDay> daysBefore(LocalDate day) {
        return jdbc.list(DAYS_BEFORE, rs -> new BuiltDay(rs.getString("practice_id"), Jdbc.date(rs, "as_of")), day);
    }
}
