package dev.revcycle.collections.store;

import dev.revcycle.collections.app.WorkQueue;
import dev.revcycle.testing.QueryPlans;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The KPIs' and the work queue's statements as generic plans, over one practice of 20,000 accounts with three years
 * of days (kpi_day, aging_day: 1,095 each, beside four other practices' as many) and a work queue of 20,000 items:
 * (with a dunning position and a plan each) a KPI report reads one row per day, a queue page reads its page, the count stops at its cap, and what the
 * consumer does per event (a movement's day, the changed accounts' items) is by key.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class KpiWorkQueueQueryPlansTest {
    static final int BIG = 20_000;
    static final String PRACTICE = "kpi-queue-big";
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Inject
    AgroalDataSource db;

    @Test
    void kpiAndWorkQueueStatementsAreBounded() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM movement WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    for (String t : new String[] {"work_item", "work_queue_day", "account_dunning", "payment_plan", "account", "kpi_day", "aging_day"}) {
                        st.execute("DELETE FROM " + t + " WHERE practice_id LIKE '" + PRACTICE + "%'");
                    }
                    st.execute("""
                            INSERT INTO account (id, practice_id, patient_id, balance, patient_balance, oldest_open_service_date,
                                balance_version, first_seen_at, updated_at)
                            SELECT gen_random_uuid(), '%s', gen_random_uuid(), 100, 100, DATE '2026-12-01' - (n %% 400), 2, now(), now()
                            FROM generate_series(1, %d) n""".formatted(PRACTICE, BIG));
                    st.execute("""
                            INSERT INTO kpi_day (practice_id, day, charges, payments, adjustments, contractual, balance_effect, movements)
                            SELECT p, DATE '2026-12-01' - d, 1000, 800, 150, 100, 50, 20
                            FROM unnest(ARRAY['%s', '%s-2', '%s-3', '%s-4', '%s-5']) p, generate_series(0, 1094) d
                            ON CONFLICT DO NOTHING""".formatted(PRACTICE, PRACTICE, PRACTICE, PRACTICE, PRACTICE));
                    st.execute("""
                            INSERT INTO aging_day (practice_id, service_date, accounts, patient_accounts, insurance_accounts,
                                patient_balance, insurance_balance)
                            SELECT p, DATE '2026-12-01' - d, 10, 10, 0, 1000, 0
                            FROM unnest(ARRAY['%s', '%s-2', '%s-3', '%s-4', '%s-5']) p, generate_series(0, 1094) d
                            ON CONFLICT DO NOTHING""".formatted(PRACTICE, PRACTICE, PRACTICE, PRACTICE, PRACTICE));
                    st.execute("""
                            INSERT INTO account_dunning (account_id, practice_id, level, first_statement_on, last_statement_on,
                                last_statement_id, statements)
                            SELECT id, practice_id, 'REMINDER', DATE '2026-10-01', DATE '2026-11-01', gen_random_uuid(), 2
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency,
                                first_due_date, installments, status, paid, created_by, created_at, version)
                            SELECT gen_random_uuid(), id, practice_id, 100, 25, 'MONTHLY', DATE '2026-06-01', 4, 'COMPLETED', 100,
                                'plans', now(), 1
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO movement (id, account_id, practice_id, type, amount, responsibility, service_date,
                                effective_date, posted_at, account_version, learnt_at)
                            SELECT gen_random_uuid(), id, practice_id, 'PAYMENT', 25, 'PATIENT', oldest_open_service_date,
                                DATE '2026-11-20', now(), 3, now()
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("INSERT INTO work_queue_day (practice_id, as_of, built_at) VALUES ('%s', DATE '2026-12-01', now()) "
                            .formatted(PRACTICE) + "ON CONFLICT DO NOTHING");
                    st.execute("""
                            INSERT INTO work_item (as_of, account_id, practice_id, tier, score, age_days, reason, patient_balance,
                                last_worked_by)
                            SELECT DATE '2026-12-01', id, practice_id, 2, 100 * (DATE '2026-12-01' - oldest_open_service_date),
                                DATE '2026-12-01' - oldest_open_service_date, 'OVER_90_DAYS', 100, 'collector-' || (random() * 3)::int
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                }
            }
            // the statements read these too; other tests leave them with few rows or many
            for (String t : new String[] {"account", "kpi_day", "aging_day", "work_queue_day", "work_item", "collection_hold",
                    "placement", "payment_plan", "account_note", "movement", "account_dunning", "practice_policy"}) {
                st.execute("ANALYZE " + t);
            }
            UUID account;
            try (ResultSet rs = st.executeQuery("SELECT id FROM account WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
                rs.next();
                account = rs.getObject(1, UUID.class);
            }
            String[] changed = {account.toString(), UUID.randomUUID().toString()};
            LocalDate from = DAY.minusYears(3).plusDays(2);
            // a three-year period: one row per day (1,095), the 90-day window inside it, the days after `to`
            QueryPlans.assertBounded(c, KpiStore.FIGURES, from, DAY, from, DAY, from, DAY, from, DAY, from, DAY, from, DAY,
                    DAY.minusDays(89), DAY, DAY, PRACTICE, from);
            LocalDate to = DAY.minusDays(400);
            QueryPlans.assertBounded(c, KpiStore.FIGURES, to.minusDays(30), to, to.minusDays(30), to, to.minusDays(30), to,
                    to.minusDays(30), to, to.minusDays(30), to, to.minusDays(30), to, to.minusDays(89), to, to, PRACTICE,
                    to.minusDays(89));
            QueryPlans.assertBounded(c, KpiStore.AR_NOW, DAY.minusDays(90), PRACTICE);
            QueryPlans.assertBounded(c, KpiStore.ADD_MOVEMENTS,
                    (Object) new String[] {UUID.randomUUID().toString(), UUID.randomUUID().toString()});
            QueryPlans.assertBounded(c, KpiStore.ADD_PLACED, PRACTICE, DAY, BigDecimal.TEN);
            QueryPlans.assertBounded(c, WorkQueueStore.PAGE, PRACTICE, DAY, 200, 0);
            QueryPlans.assertBounded(c, WorkQueueStore.PAGE, PRACTICE, DAY, 50, 1000);
            QueryPlans.assertBounded(c, WorkQueueStore.PAGE_OF_COLLECTOR, PRACTICE, DAY, "collector-1", 200, 0);
            QueryPlans.assertBounded(c, WorkQueue.COUNT_CAP + 1, Set.of("practice_id"), WorkQueueStore.COUNT, PRACTICE, DAY,
                    WorkQueue.COUNT_CAP + 1);
            QueryPlans.assertBounded(c, WorkQueue.COUNT_CAP + 1, Set.of("practice_id"), WorkQueueStore.COUNT_OF_COLLECTOR, PRACTICE,
                    DAY, "collector-1", WorkQueue.COUNT_CAP + 1);
            QueryPlans.assertBounded(c, WorkQueueStore.DAY, PRACTICE, DAY);
            QueryPlans.assertBounded(c, WorkQueueStore.START_DAY, PRACTICE, DAY.plusDays(1));
            QueryPlans.assertBounded(c, WorkQueueStore.FINISH_DAY, Instant.now(), PRACTICE, DAY);
            QueryPlans.assertBounded(c, WorkQueueStore.DAYS_OF_PRACTICE, PRACTICE);
            QueryPlans.assertBounded(c, WorkQueueStore.CHANGED, (Object) changed);
            QueryPlans.assertBounded(c, WorkQueueStore.DELETE_ITEMS, (Object) changed);
            QueryPlans.assertBounded(c, WorkQueueStore.DELETE_ITEM, account, DAY);
            QueryPlans.assertBounded(c, WorkQueueStore.UPSERT_ITEM, DAY, account, PRACTICE, 1, BigDecimal.TEN, 10, "LAPSED_PLAN",
                    BigDecimal.ONE, null, null, null);
            QueryPlans.assertBounded(c, WorkQueueStore.CHUNK, DAY, DAY, PRACTICE, new UUID(0, 0), 200);
        }
    }
}
