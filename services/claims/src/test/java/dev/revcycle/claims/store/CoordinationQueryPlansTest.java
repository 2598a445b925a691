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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The statements of secondary claims, corrections and voids (per 837 batch, per adjudication, per request) stay
 * bounded as generic plans over a practice of 20,000 claims — half of them made from another (secondary, corrected,
 * voided) — 10,000 adjudications with two lines each, and 20,000 coverages.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class CoordinationQueryPlansTest {
    static final int HALF = 10_000;
    static final String PRACTICE = "cob-plans-big";

    @Inject
    AgroalDataSource db;

    @Test
    void everyCoordinationStatementIsBounded() throws Exception {
        UUID primary;
        UUID secondary;
        UUID adjudication;
        UUID patient;
        UUID coverage;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM claim WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) < 2 * HALF) {
                    st.execute("INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, version, created_at, updated_at)"
                            + " VALUES (gen_random_uuid(), '" + PRACTICE + "', '1234567893', 'Plans Clinic', 'ORGANIZATION', '207Q00000X', 1, now(), now())"
                            + " ON CONFLICT DO NOTHING");
                    String claims = """
                            INSERT INTO claim (id, practice_id, patient_id, coverage_id, type, status, patient_control_number,
                                               billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date,
                                               frequency_code, primary_claim_id, replaces_claim_id, payer_claim_control_number,
                                               version, created_at, updated_at, status_changed_at)
                            SELECT gen_random_uuid(), '%1$s', ('00000000-0000-0000-0000-' || lpad(to_hex(i %% 5000), 12, '0'))::uuid,
                                   gen_random_uuid(), 'PROFESSIONAL', %2$s, '%3$s' || i,
                                   (SELECT id FROM provider WHERE practice_id = '%1$s' LIMIT 1), '11', ARRAY['E11.9'],
                                   '[]'::jsonb, 125.00, DATE '2026-01-01' + (i %% 200)::int, %4$s, %5$s, %6$s, 'CCN' || i,
                                   1, now(), now(), now()
                            FROM %7$s""";
                    st.execute(claims.formatted(PRACTICE, "'PAID'", "COBP", "'1'", "NULL", "NULL",
                            "generate_series(1, " + HALF + ") AS i"));
                    // the other half made from the first: secondary (DRAFT), corrections (7) and voids (8) by thirds
                    st.execute(claims.formatted(PRACTICE, "'DRAFT'", "COBS", "(ARRAY['1','7','8'])[1 + i % 3]",
                            "CASE WHEN i % 3 = 0 THEN p.id END", "CASE WHEN i % 3 <> 0 THEN p.id END",
                            "(SELECT id, row_number() OVER () AS i FROM claim WHERE practice_id = '" + PRACTICE
                                    + "' AND patient_control_number LIKE 'COBP%') AS p"));
                    st.execute("""
                            INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, claim_status_code, outcome,
                                   payer_claim_control_number, paid_date, charge, paid, patient_responsibility, claim_adjustments, received_at)
                            SELECT gen_random_uuid(), id, practice_id, gen_random_uuid(), '1', 'PAID', 'CCN', DATE '2026-11-30',
                                   125.00, 100.00, 25.00, '[]'::jsonb, now()
                            FROM claim WHERE practice_id = '%s' AND patient_control_number LIKE 'COBP%%'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO claim_adjudication_line (adjudication_id, line_number, paid, patient_responsibility, adjustments)
                            SELECT a.id, n, 50.00, 12.50, '[{"groupCode":"PR","reasonCode":"2","amount":12.50}]'::jsonb
                            FROM claim_adjudication a CROSS JOIN generate_series(1, 2) AS n
                            WHERE a.practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO known_coverage (id, patient_id, practice_id, payer_id, payer_name, member_id, priority,
                                   subscriber_relationship, effective_date, applied_version, updated_at)
                            SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(to_hex(i %% 5000), 12, '0'))::uuid,
                                   '%s', gen_random_uuid(), 'Plans Health', 'M' || i,
                                   (ARRAY['PRIMARY','SECONDARY','TERTIARY'])[1 + i %% 3], 'SELF', DATE '2026-01-01', 1, now()
                            FROM generate_series(1, %d) AS i""".formatted(PRACTICE, 2 * HALF));
                    st.execute("ANALYZE claim");
                    st.execute("ANALYZE claim_adjudication");
                    st.execute("ANALYZE claim_adjudication_line");
                    st.execute("ANALYZE known_coverage");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT s.id, s.primary_claim_id, s.coverage_id, a.id, s.patient_id"
                    + " FROM claim s JOIN claim_adjudication a ON a.claim_id = s.primary_claim_id"
                    + " WHERE s.practice_id = '" + PRACTICE + "' AND s.primary_claim_id IS NOT NULL LIMIT 1")) {
                rs.next();
                secondary = rs.getObject(1, UUID.class);
                primary = rs.getObject(2, UUID.class);
                coverage = rs.getObject(3, UUID.class);
                adjudication = rs.getObject(4, UUID.class);
                patient = rs.getObject(5, UUID.class);
            }
        }
        String claims = "{" + primary + "," + secondary + "}";
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, CoordinationRepository.LATEST_ADJUDICATIONS, claims);
            QueryPlans.assertBounded(c, CoordinationRepository.ADJUDICATION_LINES, "{" + adjudication + "}");
            QueryPlans.assertBounded(c, CoordinationRepository.CLAIM_LINKS, claims);
            QueryPlans.assertBounded(c, CoordinationRepository.REPLACEMENTS, primary);
            QueryPlans.assertBounded(c, CoordinationRepository.SECONDARY_FOR, primary, coverage);
            QueryPlans.assertBounded(c, CoordinationRepository.COVERAGES_OF_PATIENT, patient, PRACTICE);
            QueryPlans.assertBounded(c, CoordinationRepository.WITH_OTHER_COVERAGE.replace("?::uuid[], ?::text[], ?::uuid[]",
                    "ARRAY[?, ?]::uuid[], ARRAY[?, ?]::text[], ARRAY[?, ?]::uuid[]"), patient, UUID.randomUUID(), PRACTICE,
                    PRACTICE, UUID.randomUUID(), UUID.randomUUID());
            QueryPlans.assertBounded(c, CoordinationRepository.SET_PAYER_CLAIM_CONTROL_NUMBER, "CCN-NEW", primary);
        }
    }
}
