package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.ClaimStatus;
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
 * The statements claims sends per request and per event, as generic plans over a practice of
 * 30,000 claims, patients and coverages (QueryPlans for the rule). Each is the repository's own
 * constant, not a copy.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimsQueryPlansTest {
    static final int BIG = 30_000;
    static final String PRACTICE = "plans-big";
    private static volatile UUID claim;
    private static volatile UUID patient;
    private static volatile UUID coverage;
    private static volatile UUID provider;
    private static volatile UUID payer;
    private static volatile boolean analyzed;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            if (!seeded(st)) {
                st.execute("""
                        INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, version, created_at, updated_at)
                        SELECT gen_random_uuid(), '%s', lpad(i::text, 10, '0'), 'Provider ' || i, 'PERSON', '207Q00000X', 1, now(), now()
                        FROM generate_series(1, %d) AS i ON CONFLICT DO NOTHING""".formatted(PRACTICE, BIG));
                st.execute("""
                        INSERT INTO known_patient (id, practice_id, first_name, last_name, date_of_birth, sex, applied_version, updated_at)
                        SELECT gen_random_uuid(), '%s', 'Ana', 'Lopez' || i, DATE '1930-01-01' + (i %% 32000), 'F', 1, now()
                        FROM generate_series(1, %d) AS i""".formatted(PRACTICE, BIG));
                st.execute("""
                        INSERT INTO known_coverage (id, patient_id, practice_id, payer_id, payer_name, member_id, priority,
                            subscriber_relationship, effective_date, applied_version, updated_at)
                        SELECT gen_random_uuid(), id, practice_id, ('00000000-0000-0000-0000-00000000000' || (1 + (hashtext(id::text) & 7)))::uuid,
                               'Payer', 'M' || last_name, 'PRIMARY', 'SELF', DATE '2026-01-01', 1, now()
                        FROM known_patient WHERE practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO latest_eligibility (coverage_id, check_id, patient_id, practice_id, service_date, status, learnt_at)
                        SELECT id, gen_random_uuid(), patient_id, practice_id, DATE '2026-06-01', 'ACTIVE', now()
                        FROM known_coverage WHERE practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
                            billing_provider_id, diagnoses, lines, total_charge, first_service_date, filing_deadline,
                            version, created_at, updated_at, status_changed_at)
                        SELECT gen_random_uuid(), k.practice_id, k.patient_id, k.id, k.payer_id, 'PROFESSIONAL',
                               (ARRAY['DRAFT','READY','SUBMITTED','ACCEPTED','REJECTED'])[1 + (hashtext(k.id::text) & 3)],
                               'PL' || lpad(row_number() OVER ()::text, 10, '0'),
                               (SELECT id FROM provider WHERE practice_id = '%s' LIMIT 1), ARRAY['E11.9'],
                               '[]'::jsonb, 150.00, DATE '2026-01-01' + (hashtext(k.id::text) & 300),
                               DATE '2026-01-01' + (hashtext(k.id::text) & 300) + 90, 1, now(), now(),
                               now() - ((hashtext(k.id::text) & 400) || ' days')::interval
                        FROM known_coverage k WHERE k.practice_id = '%s'""".formatted(PRACTICE, PRACTICE));
                st.execute("""
                        INSERT INTO claim_history (id, claim_id, from_status, to_status, actor, occurred_at)
                        SELECT gen_random_uuid(), id, NULL, 'DRAFT', 'biller', now() FROM claim WHERE practice_id = '%s'
                        """.formatted(PRACTICE));
                seeded(st);
            }
            if (!analyzed) {
                // every run, not only the seeding one: other tests' rows (and a seed of an earlier run
                // whose statistics autovacuum has not refreshed) must not decide the generic plans
                for (String table : new String[] {"provider", "known_patient", "known_coverage", "latest_eligibility",
                        "claim", "claim_history"}) {
                    st.execute("VACUUM ANALYZE " + table);
                }
                analyzed = true;
            }
        }
    }

    private static boolean seeded(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT id, patient_id, coverage_id, billing_provider_id, payer_id FROM claim"
                + " WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
            if (!rs.next()) {
                return false;
            }
            claim = rs.getObject(1, UUID.class);
            patient = rs.getObject(2, UUID.class);
            coverage = rs.getObject(3, UUID.class);
            provider = rs.getObject(4, UUID.class);
            payer = rs.getObject(5, UUID.class);
            return true;
        }
    }

    private void bounded(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, sql, params);
        }
    }

    @Test
    void claimLookupsAndWritesAreBounded() throws Exception {
        bounded(ClaimRepository.BY_ID, claim);
        bounded(ClaimRepository.BY_ID + " FOR UPDATE", claim);
        bounded(ClaimRepository.ID_BY_CONTROL_NUMBER, "PL0000000001");
        bounded("SELECT id, claim_id FROM claim_history WHERE claim_id = ? ORDER BY occurred_at, id", claim);
        // a claim written as it is now, with its filing deadline from its coverage (by key)
        bounded(ClaimRepository.UPDATE, coverage, payer, "PROFESSIONAL", "DRAFT", provider, null, null, "11", null, null,
                null, null, "{E11.9}", "[]", 150, 2L, LocalDate.of(2026, 6, 1), Instant.now(), Instant.now(),
                LocalDate.of(2026, 6, 1), coverage, claim, 1L);
    }

    /**
     * Every combination of the queue's five filters (status, payer, patient, service date from, older
     * than), first page and a later one (cursor), one practice and two: the page's statement, and with
     * serviceDateFrom the window of keys it examines.
     */
    @Test
    void theQueuesAreBounded() throws Exception {
        Instant old = Instant.now().minusSeconds(30L * 86_400);
        ClaimRepository.Cursor cursor = new ClaimRepository.Cursor(Instant.now().minusSeconds(200L * 86_400), claim);
        int checked = 0;
        for (int mask = 0; mask < 32; mask++) {
            for (Set<String> practices : java.util.List.of(Set.of(PRACTICE), Set.of(PRACTICE, "plans-other"))) {
                ClaimRepository.Filter f = new ClaimRepository.Filter(practices,
                        (mask & 1) != 0 ? ClaimStatus.REJECTED : null, (mask & 2) != 0 ? payer : null,
                        (mask & 4) != 0 ? patient : null, (mask & 8) != 0 ? LocalDate.of(2026, 6, 1) : null,
                        (mask & 16) != 0 ? old : null);
                for (ClaimRepository.Cursor after : new ClaimRepository.Cursor[] {null, cursor}) {
                    ClaimRepository.Sql page = ClaimRepository.listSql(f, after, false, 21);
                    bounded(page.text(), page.params().toArray());
                    if (f.serviceDateFrom() != null) {
                        ClaimRepository.Sql window = ClaimRepository.listSql(f, after, true, ClaimRepository.SCAN_WINDOW);
                        bounded(window.text(), window.params().toArray());
                    }
                    checked++;
                }
            }
        }
        bounded(ClaimRepository.BY_IDS.replace("?::uuid[]", "ARRAY[?]::uuid[]"), claim);
        org.junit.jupiter.api.Assertions.assertEquals(128, checked);
    }

    @Test
    void providerLookupsAreBounded() throws Exception {
        bounded(ProviderRepository.BY_ID, provider);
        bounded(ProviderRepository.BY_PRACTICE_NPI, PRACTICE, "0000000001");
        bounded(ProviderRepository.DEFAULT_OF_PRACTICE, PRACTICE);
        bounded(ProviderRepository.PAGE.replace("?::text[]", "ARRAY[?]::text[]"), PRACTICE, 20, 0);
    }

    @Test
    void theReadModelsStatementsAreBounded() throws Exception {
        Instant now = Instant.now();
        bounded(ReadModelRepository.PATIENT_BY_ID, patient);
        bounded(ReadModelRepository.COVERAGE_BY_ID, coverage);
        bounded(ReadModelRepository.ELIGIBILITY_BY_COVERAGE, coverage);
        bounded(ReadModelRepository.UPSERT_PATIENT, patient, PRACTICE, "MRN1", "Ana", "Lopez", LocalDate.of(1980, 1, 1),
                "F", null, null, null, null, null, false, 99L, now);
        bounded(ReadModelRepository.MARK_DECEASED, LocalDate.of(2026, 1, 1), 99L, now, patient, 99L);
        bounded(ReadModelRepository.UPSERT_COVERAGE, coverage, patient, PRACTICE, payer, "Payer", "COMMERCIAL", "X", 90,
                "M1", null, null, "PRIMARY", "SELF", null, null, null, LocalDate.of(2026, 1, 1), null, false, 99L, now, "END_STAGE_RENAL_DISEASE");
        bounded(ReadModelRepository.REFRESH_FILING_DEADLINES, coverage);
        bounded(ReadModelRepository.TERMINATE_COVERAGE, LocalDate.of(2026, 12, 31), 99L, now, coverage, 99L);
        bounded(ReadModelRepository.UPSERT_ELIGIBILITY, coverage, UUID.randomUUID(), patient, PRACTICE,
                LocalDate.of(2026, 6, 2), "ACTIVE", null, null, now, new java.math.BigDecimal("25.00"),
                new java.math.BigDecimal("20"), new java.math.BigDecimal("500.00"), new java.math.BigDecimal("120.00"),
                new java.math.BigDecimal("3000.00"), new java.math.BigDecimal("2500.00"));
    }

    @Test
    void theImportsMatchingAndRecordsAreBounded() throws Exception {
        bounded(ImportRepository.PATIENTS_BY_MRN, PRACTICE, "MRN1");
        bounded(ImportRepository.PATIENTS_BY_NAME_DOB, PRACTICE, LocalDate.of(1980, 1, 1), "Lopez1", "Ana");
        bounded(ImportRepository.COVERAGE_BY_MEMBER, patient, "MLopez1");
        bounded(ImportRepository.BY_DIGEST, PRACTICE, "0".repeat(64));
        bounded(ImportRepository.BY_ID, UUID.randomUUID());
    }
}
