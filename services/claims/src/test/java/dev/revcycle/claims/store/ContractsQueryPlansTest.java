package dev.revcycle.claims.store;

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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-request and per-event statements of charge masters, fee schedules, underpayments and estimates stay bounded
 * as generic plans over a big practice: 30,000 charge-master items, 2,000 fee schedule versions of 20 payers with
 * 30,000 rates in one of them, 20,000 claims with an adjudication each, 30,000 underpayments over a year, 20,000
 * estimates.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ContractsQueryPlansTest {
    static final String PRACTICE = "contracts-plans-big";
    static final UUID BIG_VERSION = UUID.nameUUIDFromBytes("contracts-plans-version-big".getBytes());

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM underpayment WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            st.execute("INSERT INTO charge_master (practice_id, item_count, version, updated_at, updated_by) VALUES ('"
                    + PRACTICE + "', 30000, 1, now(), 'seed')");
            st.execute("""
                    INSERT INTO charge_master_item (practice_id, procedure_code, modifier, description, standard_charge,
                        cash_price, effective_from, effective_to)
                    SELECT '%s', 'C' || lpad((i / 3)::text, 5, '0'), '', 'seeded', 100, 60, DATE '2024-01-01' + (i %% 3) * 365,
                           CASE WHEN i %% 3 < 2 THEN DATE '2024-12-31' + (i %% 3) * 365 END
                    FROM generate_series(0, 29999) i""".formatted(PRACTICE));
            st.execute("""
                    INSERT INTO fee_schedule_version (id, practice_id, payer_id, effective_from, rate_count, version,
                        created_at, created_by)
                    SELECT CASE WHEN i = 0 THEN '%s'::uuid ELSE gen_random_uuid() END, '%s',
                           md5('contracts-plans-payer-' || (i %% 20))::uuid, DATE '2026-01-01' - (i / 20) * 7, 1, 1, now(), 'seed'
                    FROM generate_series(0, 1999) i""".formatted(BIG_VERSION, PRACTICE));
            st.execute("""
                    INSERT INTO fee_schedule_rate (version_id, procedure_code, modifier, allowed)
                    SELECT '%s', 'C' || lpad(i::text, 5, '0'), '', 80 FROM generate_series(0, 29999) i""".formatted(BIG_VERSION));
            st.execute("INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, version, created_at, updated_at)"
                    + " VALUES (gen_random_uuid(), '" + PRACTICE + "', '1234567893', 'Plans Clinic', 'ORGANIZATION', '207Q00000X', 1, now(), now())");
            st.execute("""
                    INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
                                       billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date,
                                       version, created_at, updated_at, status_changed_at)
                    SELECT md5('cp-claim-' || i)::uuid, '%s', md5('cp-patient-' || (i %% 2000))::uuid,
                           md5('cp-coverage-' || (i %% 2000))::uuid, md5('contracts-plans-payer-' || (i %% 20))::uuid,
                           'PROFESSIONAL', 'PAID', 'CP' || i, (SELECT id FROM provider WHERE practice_id = '%s'), '11',
                           ARRAY['E11.9'], '[]'::jsonb, 100, DATE '2026-01-01' + (i %% 300), 1, now(), now(),
                           now() - (i || ' minutes')::interval
                    FROM generate_series(1, 20000) i""".formatted(PRACTICE, PRACTICE));
            st.execute("""
                    INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, claim_status_code, outcome, paid,
                        patient_responsibility, claim_adjustments, received_at)
                    SELECT md5('cp-adj-' || i)::uuid, md5('cp-claim-' || i)::uuid, '%s', gen_random_uuid(), '1', 'PAID', 80, 0,
                           '[]', now() - (i || ' minutes')::interval
                    FROM generate_series(1, 20000) i""".formatted(PRACTICE));
            st.execute("""
                    INSERT INTO claim_adjudication_line (adjudication_id, line_number, procedure_code, modifiers, service_date,
                        charge, allowed, paid, patient_responsibility, adjustments)
                    SELECT md5('cp-adj-' || i)::uuid, n, 'C00001', '{}', DATE '2026-01-01', 100, 70, 70, 0, '[]'
                    FROM generate_series(1, 20000) i, generate_series(1, 2) n""");
            st.execute("""
                    INSERT INTO underpayment (id, practice_id, payer_id, claim_id, adjudication_id, line_number, procedure_code,
                        modifier, service_date, expected, actual, difference, paid, fee_schedule_version_id, tolerance, detected_at)
                    SELECT gen_random_uuid(), '%s', md5('contracts-plans-payer-' || (i %% 2))::uuid,
                           md5('cp-claim-' || (1 + i %% 20000))::uuid, md5('cp-adj-' || (1 + i %% 20000))::uuid, 1 + i / 20000,
                           'C' || lpad((i %% 50)::text, 5, '0'), '', DATE '2025-01-01' + (i %% 365), 80, 70, 10, 70, '%s', 1,
                           now() - (i || ' seconds')::interval
                    FROM generate_series(0, 29999) i""".formatted(PRACTICE, BIG_VERSION));
            st.execute("""
                    INSERT INTO estimate (id, practice_id, patient_id, coverage_id, payer_id, service_date, lines, total_charge,
                        total_allowed, total_patient_responsibility, assumptions, created_at, created_by)
                    SELECT md5('cp-estimate-' || i)::uuid, '%s', md5('cp-patient-' || (i %% 2000))::uuid, NULL, NULL,
                           DATE '2026-01-01' + (i %% 300), '[]', 0, 0, 0, '[]', now(), 'seed'
                    FROM generate_series(1, 20000) i""".formatted(PRACTICE));
            for (String t : new String[] {"charge_master_item", "fee_schedule_version", "fee_schedule_rate", "claim",
                    "claim_adjudication", "claim_adjudication_line", "underpayment", "estimate", "latest_eligibility"}) {
                st.execute("ANALYZE " + t);
            }
        }
    }

    static UUID one(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    static UUID payer(Connection c) throws Exception {
        return one(c, "SELECT payer_id FROM fee_schedule_version WHERE id = '" + BIG_VERSION + "'");
    }

    @Test
    void theChargeOfALineIsAKeyLookup() throws Exception {
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, ContractsRepository.CHARGE_ON, PRACTICE, "C00042", "", LocalDate.of(2025, 6, 1));
        }
    }

    @Test
    void theFeeScheduleOnADateAndItsRatesAreKeyLookups() throws Exception {
        try (Connection c = db.getConnection()) {
            UUID payer = payer(c);
            QueryPlans.assertBounded(c, ContractsRepository.FEE_VERSION_ON, PRACTICE, payer, LocalDate.of(2025, 6, 1));
            QueryPlans.assertBounded(c, ContractsRepository.HAS_FEE_SCHEDULE, PRACTICE, payer);
            QueryPlans.assertBounded(c, ContractsRepository.NEXT_FEE_VERSION, PRACTICE, payer, LocalDate.of(2025, 6, 1));
            QueryPlans.assertBounded(c, ContractsRepository.FEE_VERSIONS, PRACTICE, payer);
            QueryPlans.assertBounded(c, ContractsRepository.RATE, BIG_VERSION, "C00042", "");
            QueryPlans.assertBounded(c, ContractsRepository.TOLERANCE, PRACTICE);
        }
    }

    @Test
    void detectionReadsOneAdjudicationAndSupersedesOneClaimsRows() throws Exception {
        UUID adjudication;
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, claim_id FROM claim_adjudication WHERE practice_id = '" + PRACTICE
                     + "' LIMIT 1")) {
            rs.next();
            adjudication = rs.getObject(1, UUID.class);
            UUID claim = rs.getObject(2, UUID.class);
            QueryPlans.assertBounded(c, UnderpaymentRepository.ADJUDICATION, adjudication);
            QueryPlans.assertBounded(c, UnderpaymentRepository.ADJUDICATION_LINES, adjudication);
            QueryPlans.assertBounded(c, UnderpaymentRepository.SUPERSEDE, Instant.now(), claim, adjudication);
            QueryPlans.assertBounded(c, UnderpaymentRepository.CLAIMS_WITH_CURRENT.replace("?::uuid[]", "ARRAY[?, ?]::uuid[]"),
                    claim, UUID.randomUUID());
        }
    }

    @Test
    void theUnderpaymentListIsARangeOfItsIndexIntoTheLimitAndTheSummaryARangeOfDates() throws Exception {
        Instant cursor = Instant.now().minusSeconds(3600);
        try (Connection c = db.getConnection()) {
            UUID payer = one(c, "SELECT payer_id FROM underpayment WHERE practice_id = '" + PRACTICE + "' LIMIT 1");
            UUID claim = one(c, "SELECT claim_id FROM underpayment WHERE practice_id = '" + PRACTICE + "' LIMIT 1");
            QueryPlans.assertBounded(c, UnderpaymentRepository.PAGE, PRACTICE, 21);
            QueryPlans.assertBounded(c, UnderpaymentRepository.PAGE_AFTER, PRACTICE, cursor, UUID.randomUUID(), 21);
            QueryPlans.assertBounded(c, UnderpaymentRepository.PAGE_PAYER, PRACTICE, payer, 21);
            QueryPlans.assertBounded(c, UnderpaymentRepository.PAGE_PAYER_AFTER, PRACTICE, payer, cursor, UUID.randomUUID(), 21);
            QueryPlans.assertBounded(c, UnderpaymentRepository.CONTROL_NUMBERS,
                    "{" + claim + "}");
            // a month of services: ~2,500 of the practice's 30,000 rows, read from the index alone
            QueryPlans.assertBounded(c, 5_000, Set.of("practice_id"), UnderpaymentRepository.SUMMARY, PRACTICE,
                    LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        }
    }

    @Test
    void anEstimateAndTheClaimItIsComparedWithAreKeyLookups() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, patient_id FROM estimate WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
            rs.next();
            UUID estimate = rs.getObject(1, UUID.class);
            UUID patient = rs.getObject(2, UUID.class);
            QueryPlans.assertBounded(c, EstimateRepository.BY_ID, estimate);
            QueryPlans.assertBounded(c, EstimateRepository.ADJUDICATED_CLAIM, patient, LocalDate.of(2026, 3, 1),
                    UUID.randomUUID());
            QueryPlans.assertBounded(c, EstimateRepository.ADJUDICATED_LINES, UUID.randomUUID());
            QueryPlans.assertBounded(c, ReadModelRepository.BENEFITS_BY_COVERAGE, UUID.randomUUID());
        }
    }
}
