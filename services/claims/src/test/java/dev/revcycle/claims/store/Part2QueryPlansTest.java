package dev.revcycle.claims.store;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generic plans of the status inquiries', appeals' and at-risk statements, over ClaimsQueryPlansTest's practice of
 * 30,000 claims, with an answered inquiry for half of them and an appeal for a third.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class Part2QueryPlansTest {
    private static volatile boolean seeded;
    private static volatile UUID claim;
    private static volatile UUID appeal;
    private static volatile UUID payer;
    private static volatile UUID free;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        ClaimsQueryPlansTest claims = new ClaimsQueryPlansTest();
        claims.db = db;
        claims.seed();
        String practice = ClaimsQueryPlansTest.PRACTICE;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            boolean done;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM appeal WHERE practice_id = '" + practice + "' LIMIT 1")) {
                done = rs.next();
            }
            if (!done) {
                st.execute("""
                        INSERT INTO claim_status_inquiry (id, claim_id, practice_id, trace_number, interchange_number,
                            category_code, status_code, description, statuses, source, asked_by, asked_at, answered_at, x276, x277)
                        SELECT gen_random_uuid(), id, practice_id, 'T' || id, 1, 'P1', '20', 'Pending', '[]', 'run', 'plans',
                               now() - interval '400 days', now() - interval '400 days', 'x', 'x'
                        FROM claim WHERE practice_id = '%s' AND hashtext(id::text) %% 2 = 0""".formatted(practice));
                st.execute("""
                        INSERT INTO appeal (id, claim_id, practice_id, payer_id, status, claim_status, reason, charge, paid,
                            disputed, adjudicated_on, deadline_days, deadline, filed_by, filed_at, version)
                        SELECT gen_random_uuid(), id, practice_id, coalesce(payer_id, gen_random_uuid()),
                               (ARRAY['OPEN','UPHELD','OVERTURNED'])[1 + (hashtext(id::text) & 1)], 'DENIED', 'r', 150, 0, 150,
                               DATE '2026-01-01', 180, DATE '2026-01-01' + (hashtext(id::text) & 500), 'plans', now(), 1
                        FROM claim WHERE practice_id = '%s' AND hashtext(id::text) %% 3 = 0""".formatted(practice));
                st.execute("""
                        INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, claim_status_code, outcome,
                            paid, patient_responsibility, claim_adjustments, received_at)
                        SELECT gen_random_uuid(), id, practice_id, gen_random_uuid(), '4', 'DENIED', 0, 0, '[]', now()
                        FROM claim WHERE practice_id = '%s' AND hashtext(id::text) %% 5 = 0""".formatted(practice));
            }
            for (String table : new String[] {"claim", "claim_status_inquiry", "appeal", "claim_adjudication",
                    "claim_adjudication_line", "payer_appeal_deadline", "known_coverage"}) {
                st.execute("VACUUM ANALYZE " + table);
            }
            try (ResultSet rs = st.executeQuery("SELECT id, claim_id, payer_id FROM appeal WHERE practice_id = '"
                    + practice + "' LIMIT 1")) {
                rs.next();
                appeal = rs.getObject(1, UUID.class);
                claim = rs.getObject(2, UUID.class);
                payer = rs.getObject(3, UUID.class);
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM claim c WHERE practice_id = '" + practice
                    + "' AND NOT EXISTS (SELECT 1 FROM appeal a WHERE a.claim_id = c.id) LIMIT 1")) {
                rs.next();
                free = rs.getObject(1, UUID.class);
            }
        }
        seeded = true;
    }

    private void bounded(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, sql, params);
        }
    }

    @Test
    void statusInquiryStatementsAreBounded() throws Exception {
        Instant cutoff = Instant.now().minusSeconds(30L * 86_400);
        bounded(StatusInquiryRepository.BY_CLAIM, claim);
        bounded(StatusInquiryRepository.PAYER_CLAIM_NUMBER, claim);
        bounded(StatusInquiryRepository.AWAITING_ANSWER, ClaimsQueryPlansTest.PRACTICE, cutoff,
                Instant.EPOCH, new UUID(0, 0), cutoff, 101);
        bounded(StatusInquiryRepository.INSERT, UUID.randomUUID(), claim, ClaimsQueryPlansTest.PRACTICE, "T", 1L, "P1",
                "20", null, "Pending", "[]", null, null, null, null, null, null, null, "api", "plans",
                Instant.now(), Instant.now(), "x", "x");
    }

    @Test
    void appealStatementsAreBounded() throws Exception {
        bounded(AppealRepository.CLAIM_FOR_APPEAL, claim);
        bounded(AppealRepository.OPEN_OF_CLAIM, claim);
        bounded(AppealRepository.DEADLINE_DAYS, ClaimsQueryPlansTest.PRACTICE, payer);
        bounded(AppealRepository.BY_ID, appeal);
        bounded(AppealRepository.DUE, ClaimsQueryPlansTest.PRACTICE, LocalDate.of(2026, 6, 1), 200);
        bounded(AppealRepository.DUE, ClaimsQueryPlansTest.PRACTICE, LocalDate.of(9999, 12, 31), 200);
        bounded(AppealRepository.DECIDE, "UPHELD", "n", "plans", Instant.now(), appeal);
        bounded(AppealRepository.LATEST_ADJUSTMENTS, claim);
        bounded(AppealRepository.DEADLINES, ClaimsQueryPlansTest.PRACTICE);
        bounded(AppealRepository.UPSERT_DEADLINE, ClaimsQueryPlansTest.PRACTICE, payer, 90, "plans",
                Instant.now());
        bounded(AppealRepository.INSERT, UUID.randomUUID(), free, ClaimsQueryPlansTest.PRACTICE, payer, "DENIED", "r",
                null, new BigDecimal("150.00"), BigDecimal.ZERO, null, new BigDecimal("150.00"),
                LocalDate.of(2026, 1, 1), 180, LocalDate.of(2026, 6, 30),
                "plans", Instant.now());
    }

    @Test
    void theAtRiskListIsBounded() throws Exception {
        LocalDate today = LocalDate.now();
        // the practice's claims have deadlines from 2026-04-01 to 2027-01-27 (ClaimsQueryPlansTest's seed): a month,
        // the whole year (more than the page), and today's, whichever day the test runs
        bounded(FilingLimitRepository.AT_RISK, ClaimsQueryPlansTest.PRACTICE, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 7, 1), 200);
        bounded(FilingLimitRepository.AT_RISK, ClaimsQueryPlansTest.PRACTICE, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 200);
        bounded(FilingLimitRepository.AT_RISK, ClaimsQueryPlansTest.PRACTICE, today, today.plusDays(365), 200);
    }
}
