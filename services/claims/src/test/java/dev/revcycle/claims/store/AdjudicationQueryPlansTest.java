package dev.revcycle.claims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements adjudication runs per event batch and the reads per request, as generic plans over a
 * practice of 30,000 adjudicated claims (one answer each, two lines) of which 30,000 are in the denials
 * queue (one '*' entry and one CARC entry each, four CARCs, eight payers). Each is the repository's own
 * constant or builder, not a copy. (The daily priority refresh is not per request: it is not here.)
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class AdjudicationQueryPlansTest {
    static final int BIG = 30_000;
    static final String PRACTICE = "plans-denials";
    private static volatile UUID claim;
    private static volatile UUID adjudication;
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
                        VALUES (md5('plans-denials-provider')::uuid, '%s', '1234567893', 'Denials Clinic', 'ORGANIZATION',
                                '207Q00000X', 1, now(), now()) ON CONFLICT DO NOTHING""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
                            billing_provider_id, diagnoses, lines, total_charge, first_service_date, version, created_at,
                            updated_at, status_changed_at, paid_amount, adjudicated_at)
                        SELECT md5('plans-denials-claim-' || i)::uuid, '%s', gen_random_uuid(), gen_random_uuid(),
                               ('00000000-0000-0000-0000-00000000000' || (1 + i %% 8))::uuid, 'PROFESSIONAL',
                               (ARRAY['DENIED','PARTIALLY_PAID'])[1 + i %% 2], 'PD' || lpad(i::text, 10, '0'),
                               md5('plans-denials-provider')::uuid, ARRAY['E11.9'], '[]'::jsonb, 150.00,
                               DATE '2026-01-01' + (i %% 300), 4, now(), now(), now() - (i %% 400) * interval '1 day', 0, now()
                        FROM generate_series(0, %d) AS i""".formatted(PRACTICE, BIG));
                st.execute("""
                        INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id, trace_number, payer_id,
                            claim_status_code, outcome, payer_claim_control_number, paid_date, charge, paid,
                            patient_responsibility, claim_adjustments, received_at, from_status, to_status, reason, allowed)
                        SELECT md5('plans-denials-adj-' || i)::uuid, md5('plans-denials-claim-' || i)::uuid, '%s',
                               md5('plans-denials-remittance-' || (i %% 20))::uuid, 'T' || i, 'SBX01', '4', 'DENIED', 'ICN' || i,
                               DATE '2026-11-01', 150.00, 0, 0, '[]'::jsonb, now(), 'SUBMITTED', 'DENIED', 'Denied', 0
                        FROM generate_series(1, %d) AS i""".formatted(PRACTICE, BIG));
                st.execute("""
                        INSERT INTO claim_adjudication_line (adjudication_id, line_number, procedure_code, charge, allowed,
                            paid, patient_responsibility, adjustments)
                        SELECT md5('plans-denials-adj-' || i)::uuid, n, '99213', 75.00, 0, 0, 0, '[]'::jsonb
                        FROM generate_series(1, %d) AS i, generate_series(1, 2) AS n""".formatted(BIG));
                st.execute("""
                        INSERT INTO claim_denial (claim_id, practice_id, payer_id, adjudication_id, patient_control_number,
                            payer_claim_control_number, status, denied_amount, denied_on, suggested_action, reasons)
                        SELECT id, practice_id, payer_id, md5('plans-denials-adj-' || substr(patient_control_number, 3)::int)::uuid,
                               patient_control_number, 'ICN', status, 10 + (hashtext(id::text) & 1000), DATE '2026-11-01'
                                   - (hashtext(id::text) & 300), 'REVIEW', '[]'::jsonb
                        FROM claim WHERE practice_id = '%s' AND patient_control_number <> 'PD0000000000'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO claim_denial_entry (claim_id, carc, practice_id, payer_id, denied_amount, denied_on,
                            priority, priority_as_of)
                        SELECT claim_id, carc, practice_id, payer_id, denied_amount, denied_on,
                               denied_amount * (DATE '2026-12-01' - denied_on + 1), DATE '2026-12-01'
                        FROM claim_denial, LATERAL (VALUES ('*'), ((ARRAY['16', '29', '197', '50'])[1 + (hashtext(claim_id::text) & 3)])) v (carc)
                        WHERE practice_id = '%s'""".formatted(PRACTICE));
                seeded(st);
            }
            if (!analyzed) {
                for (String table : new String[] {"claim", "claim_history", "claim_adjudication", "claim_adjudication_line",
                        "claim_denial", "claim_denial_entry"}) {
                    st.execute("VACUUM ANALYZE " + table);
                }
                analyzed = true;
            }
        }
    }

    private static boolean seeded(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT c.id, c.payer_id, a.id FROM claim c JOIN claim_adjudication a"
                + " ON a.claim_id = c.id WHERE c.practice_id = '" + PRACTICE + "' AND c.patient_control_number = 'PD0000000001'")) {
            if (!rs.next()) {
                return false;
            }
            claim = rs.getObject(1, UUID.class);
            payer = rs.getObject(2, UUID.class);
            adjudication = rs.getObject(3, UUID.class);
            return true;
        }
    }

    private void bounded(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, sql, params);
        }
    }

    private static String oneElement(String sql) {
        return sql.replace("?::uuid[]", "ARRAY[?]::uuid[]");
    }

    private static UUID fresh() throws Exception {
        return UUID.fromString(md5("plans-denials-claim-0"));
    }

    private static String md5(String text) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hex = java.util.HexFormat.of().formatHex(d);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20);
    }

    private static String[] one(Object value) {
        return new String[] {String.valueOf(value)};
    }

    @Test
    void theStatementsOfAnEventBatchAreBounded() throws Exception {
        Instant now = Instant.now();
        bounded(oneElement(AdjudicationRepository.LOCK_CLAIMS), claim);
        bounded(oneElement(AdjudicationRepository.RECORDED), claim);
        bounded(AdjudicationRepository.INSERT_ADJUDICATION, one(UUID.randomUUID()), one(claim), one(PRACTICE),
                one(UUID.randomUUID()), one("T"), one("SBX01"), one("1"), one("PAID"), one("ICN"), one("2026-11-30"),
                one("150.00"), one("100.00"), one("20.00"), one("[]"), one(now), one("DENIED"), one("PAID"), one("Paid"),
                one("120.00"));
        bounded(AdjudicationRepository.INSERT_LINE, one(adjudication), one(9), one(UUID.randomUUID()), one("99213"),
                one(""), one("2026-11-01"), one("75.00"), one("60.00"), one("50.00"), one("10.00"), one("[]"));
        bounded(AdjudicationRepository.INSERT_HISTORY, "system:remittance", now, one(claim), one("DENIED"), one("PAID"),
                one("CLP02 1"), one("Paid"));
        bounded(AdjudicationRepository.UPDATE_CLAIM, now, now, now, one(claim), one("PAID"), one(5), one(4), one("100.00"),
                one("ICN"));
        bounded(oneElement(AdjudicationRepository.DELETE_DENIALS), claim);
        // claim 0 has no denial yet
        bounded(AdjudicationRepository.INSERT_DENIAL, one(fresh()), one(PRACTICE), one(payer), one(adjudication),
                one("PD0"), one("ICN"), one("DENIED"), one("10.00"), one("2026-11-01"), one("REVIEW"), one("[]"));
        bounded(AdjudicationRepository.INSERT_ENTRY, LocalDate.of(2026, 12, 1), one(claim), one("18"), one(PRACTICE),
                one(payer), one("10.00"), one("2026-11-01"), one("10.00"));
    }

    @Test
    void theReadsAreBounded() throws Exception {
        bounded(AdjudicationRepository.OF_CLAIM, claim);
        bounded(oneElement(AdjudicationRepository.LINES_OF), adjudication);
        bounded(oneElement(AdjudicationRepository.DENIALS_OF), claim);
    }

    /** Every combination of the queue's filters (payer, CARC), first and later page, one practice and two. */
    @Test
    void theDenialsQueueIsBounded() throws Exception {
        AdjudicationRepository.Cursor cursor = new AdjudicationRepository.Cursor(new BigDecimal("50000.00"), claim);
        int checked = 0;
        for (int mask = 0; mask < 4; mask++) {
            for (Set<String> practices : List.of(Set.of(PRACTICE), Set.of(PRACTICE, "plans-other"))) {
                AdjudicationRepository.DenialFilter f = new AdjudicationRepository.DenialFilter(practices,
                        (mask & 1) != 0 ? payer : null, (mask & 2) != 0 ? "16" : null);
                for (AdjudicationRepository.Cursor after : new AdjudicationRepository.Cursor[] {null, cursor}) {
                    ClaimRepository.Sql page = AdjudicationRepository.queueSql(f, after, 21);
                    bounded(page.text(), page.params().toArray());
                    checked++;
                }
            }
        }
        assertEquals(16, checked);
    }
}
