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

/** The scrubber's per-scrub duplicate lookup stays bounded as a generic plan over a big practice's claims. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ScrubQueryPlansTest {
    static final int BIG = 20_000;
    static final String PRACTICE = "scrub-plans-big";

    @Inject
    AgroalDataSource db;

    @Test
    void duplicateLookupIsBounded() throws Exception {
        UUID provider;
        UUID patient;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM claim WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) < BIG) {
                    st.execute("INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, version, created_at, updated_at)"
                            + " VALUES (gen_random_uuid(), '" + PRACTICE + "', '1234567893', 'Plans Clinic', 'ORGANIZATION', '207Q00000X', 1, now(), now())"
                            + " ON CONFLICT DO NOTHING");
                    st.execute("""
                            INSERT INTO claim (id, practice_id, patient_id, coverage_id, type, status, patient_control_number,
                                               billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date,
                                               version, created_at, updated_at, status_changed_at)
                            SELECT gen_random_uuid(), '%s', ('00000000-0000-0000-0000-' || lpad(to_hex(i %% 5000), 12, '0'))::uuid, NULL,
                                   'PROFESSIONAL', (ARRAY['DRAFT','READY','SUBMITTED','ACCEPTED','REJECTED'])[1 + i %% 5],
                                   'SP' || i, (SELECT id FROM provider WHERE practice_id = '%s' LIMIT 1), '11', ARRAY['E11.9'],
                                   jsonb_build_array(jsonb_build_object('procedureCode', '99213', 'serviceDate',
                                       to_char(DATE '2026-01-01' + (i %% 200), 'YYYY-MM-DD'))),
                                   125.00, DATE '2026-01-01' + (i %% 200), 1, now(), now(), now()
                            FROM generate_series(1, %d) AS i""".formatted(PRACTICE, PRACTICE, BIG));
                    st.execute("ANALYZE claim");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT patient_id FROM claim WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
                rs.next();
                patient = rs.getObject(1, UUID.class);
            }
            provider = null;
        }
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, SubmittedClaimsRepository.EXISTS_DUPLICATE, patient, PRACTICE, UUID.randomUUID(),
                    "2026-01-05", "{99213}");
        }
    }
}
