package dev.revcycle.collections.store;

import dev.revcycle.testing.QueryPlans;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every per-request and per-event statement of statements, plans and placement, as a generic plan, over one practice
 * of 20,000 accounts (statements, dunning positions, plans, placements, 80,000 movements). The set-based run chunk
 * (CHUNK_IDS, CANDIDATES) is bounded by its chunk. The KPI sums and the work queue read a practice's period or
 * delinquent accounts by nature (README, known limits) and are not here.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StatementsPlansQueryPlansTest {
    static final int BIG = 20_000;
    static final String PRACTICE = "plans-b-big";
    static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000b0001");
    static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-0000000b0002");

    @Inject
    AgroalDataSource db;

    @Test
    void perRequestAndPerEventStatementsAreBounded() throws Exception {
        LocalDate day = LocalDate.of(2026, 12, 1);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM account WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    st.execute("""
                            INSERT INTO account (id, practice_id, patient_id, balance, patient_balance, oldest_open_service_date,
                                balance_version, first_seen_at, updated_at)
                            SELECT gen_random_uuid(), '%s', gen_random_uuid(), 100, 100, DATE '2026-06-01' + (n %% 150), 2, now(), now()
                            FROM generate_series(1, %d) n""".formatted(PRACTICE, BIG));
                    st.execute("""
                            INSERT INTO movement (id, account_id, practice_id, type, amount, responsibility, claim_id, claim_line_id,
                                service_date, effective_date, account_version, learnt_at)
                            SELECT gen_random_uuid(), a.id, a.practice_id, (ARRAY['CHARGE','PAYMENT','ADJUSTMENT','PAYMENT'])[k],
                                25, 'PATIENT', a.patient_id, a.patient_id, a.oldest_open_service_date, a.oldest_open_service_date + k,
                                2, now()
                            FROM account a, generate_series(1, 4) k WHERE a.practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO statement_run (id, practice_id, as_of, status, started_by, started_at)
                            VALUES ('%s', '%s', DATE '2026-11-01', 'COMPLETE', 'plans', now())""".formatted(RUN, PRACTICE));
                    st.execute("""
                            INSERT INTO statement (id, run_id, seq, account_id, practice_id, patient_id, level, statement_date,
                                due_date, amount_due, account_version, issued_at)
                            SELECT gen_random_uuid(), '%s', row_number() OVER (ORDER BY id), id, practice_id, patient_id, 'STATEMENT',
                                DATE '2026-11-01', DATE '2026-11-22', 100, 2, now()
                            FROM account WHERE practice_id = '%s'""".formatted(RUN, PRACTICE));
                    st.execute("""
                            INSERT INTO account_dunning (account_id, practice_id, level, first_statement_on, last_statement_on,
                                last_statement_id, statements)
                            SELECT account_id, practice_id, level, statement_date, statement_date, id, 1 FROM statement
                            WHERE run_id = '%s'""".formatted(RUN));
                    st.execute("""
                            INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency,
                                first_due_date, installments, status, paid, next_due_date, created_by, created_at, version)
                            SELECT gen_random_uuid(), id, practice_id, 100, 25, 'MONTHLY', DATE '2026-12-01', 4,
                                CASE WHEN random() < 0.9 THEN 'COMPLETED' ELSE 'ACTIVE' END, 0,
                                DATE '2026-10-01' + (random() * 120)::int, 'plans', now(), 1
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO placement_batch (id, practice_id, as_of, agency_id, agency_name, accounts, amount, created_by,
                                created_at) VALUES ('%s', '%s', DATE '2026-11-15', 'MWR', 'Midwest', %d, 0, 'plans', now())"""
                            .formatted(BATCH, PRACTICE, BIG));
                    st.execute("""
                            INSERT INTO placement (id, batch_id, seq, account_id, practice_id, patient_id, agency_id, amount, placed_on)
                            SELECT gen_random_uuid(), '%s', row_number() OVER (ORDER BY id), id, practice_id, patient_id, 'MWR', 100,
                                DATE '2026-11-15' FROM account WHERE practice_id = '%s'""".formatted(BATCH, PRACTICE));
                    for (String t : new String[] {"account", "movement", "statement_run", "statement", "account_dunning",
                            "payment_plan", "placement_batch", "placement", "write_off_request"}) {
                        st.execute("ANALYZE " + t);
                    }
                }
            }
            UUID account;
            UUID statement;
            UUID plan;
            try (ResultSet rs = st.executeQuery("SELECT s.account_id, s.id, p.id FROM statement s JOIN payment_plan p ON "
                    + "p.account_id = s.account_id WHERE s.run_id = '" + RUN + "' LIMIT 1")) {
                rs.next();
                account = rs.getObject(1, UUID.class);
                statement = rs.getObject(2, UUID.class);
                plan = rs.getObject(3, UUID.class);
            }
            String[] chunk = {account.toString(), UUID.randomUUID().toString()};
            Instant now = Instant.now();
            QueryPlans.assertBounded(c, StatementStore.FIND_RUN, RUN);
            QueryPlans.assertBounded(c, StatementStore.FIND_RUN_BY_DATE, PRACTICE, LocalDate.of(2026, 11, 1));
            QueryPlans.assertBounded(c, StatementStore.CHUNK_IDS, PRACTICE, new UUID(0, 0), 500);
            QueryPlans.assertBounded(c, StatementStore.CANDIDATES, day, chunk);
            QueryPlans.assertBounded(c, StatementStore.MAX_SEQ, RUN);
            QueryPlans.assertBounded(c, StatementStore.FIND_STATEMENT, statement);
            QueryPlans.assertBounded(c, StatementStore.RUN_PAGE, RUN, 100, 200);
            QueryPlans.assertBounded(c, StatementStore.LINES, account, day);
            QueryPlans.assertBounded(c, StatementStore.RESET_DUNNING, (Object) new String[] {account.toString(), UUID.randomUUID().toString()});
            QueryPlans.assertBounded(c, StatementStore.BUMP_VERSIONS, (Object) chunk);
            QueryPlans.assertBounded(c, StatementStore.UPSERT_DUNNING, account, PRACTICE, "REMINDER", day, day, statement);
            QueryPlans.assertBounded(c, StatementStore.INSERT_STATEMENT, UUID.randomUUID(), RUN, 1, account, PRACTICE, account,
                    "REMINDER", day, day, java.math.BigDecimal.TEN, 2L, now);
            QueryPlans.assertBounded(c, StatementStore.ADD_COUNTS, 1, 0, 0, 0, 0, 0, java.math.BigDecimal.ONE, RUN);
            QueryPlans.assertBounded(c, PlanStore.FIND, plan);
            QueryPlans.assertBounded(c, PlanStore.LOCK, plan);
            QueryPlans.assertBounded(c, PlanStore.LATEST_OF_ACCOUNT, account, now);
            QueryPlans.assertBounded(c, PlanStore.ACCOUNTS_COUNTED, (Object) new String[] {account.toString(), UUID.randomUUID().toString()});
            QueryPlans.assertBounded(c, PlanStore.OPEN_OF_ACCOUNT, account);
            QueryPlans.assertBounded(c, PlanStore.OVERDUE, day.minusDays(40), LocalDate.of(1900, 1, 1), new UUID(0, 0), 500);
            QueryPlans.assertBounded(c, PlanStore.SAVE, "ACTIVE", java.math.BigDecimal.ONE, day, day, UUID.randomUUID(), "ACTIVE",
                    now, plan);
            QueryPlans.assertBounded(c, PlacementStore.FIND_BATCH, BATCH);
            QueryPlans.assertBounded(c, PlacementStore.FIND_BATCH_BY_DATE, PRACTICE, LocalDate.of(2026, 11, 15));
            QueryPlans.assertBounded(c, PlacementStore.ACTIVE_OF_ACCOUNT, account);
            QueryPlans.assertBounded(c, PlacementStore.FILE_PAGE, BATCH, 100, 500);
            QueryPlans.assertBounded(c, PlacementStore.RECALL, now, day, "x", "plans", UUID.randomUUID());
            QueryPlans.assertBounded(c, WriteOffStore.REVERSE, UUID.randomUUID(), UUID.randomUUID());
            QueryPlans.assertBounded(c, StandingStore.STANDINGS, (Object) chunk);
        }
    }
}
