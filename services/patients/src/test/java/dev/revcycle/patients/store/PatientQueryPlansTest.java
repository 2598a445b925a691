package dev.revcycle.patients.store;

import dev.revcycle.testing.CommonStatements;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query the patients service runs per request (and per outbox batch) stays bounded as a
 * generic plan, over a practice of {@value #BIG} patients (see {@link QueryPlans} for the rule).
 * The statements are written as Hibernate and the repositories send them (taken from the SQL log
 * of the API tests); when a repository, a use case or common's audit, outbox or idempotency code
 * gets a new statement, add it here.
 *
 * <p>The big practice is what a hospital's looks like to these queries: names spread over the
 * alphabet, and a tenth of the patients on one placeholder date of birth (1900-01-01, what imports
 * put where the date is unknown) — a lookup bounded only by practice and date of birth reads them all.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PatientQueryPlansTest {
    static final int BIG = 30_000;
    static final String PRACTICE = "plans-big";
    static final String OTHER = "plans-other";
    static final LocalDate PLACEHOLDER_DOB = LocalDate.of(1900, 1, 1);

    private static final String PATIENT_COLUMNS = "p1_0.id, p1_0.address_line1, p1_0.address_line2, p1_0.address_city, "
            + "p1_0.address_state, p1_0.address_postal_code, p1_0.address_undeliverable_on, p1_0.created_at, "
            + "p1_0.date_of_birth, p1_0.date_of_death, p1_0.email, p1_0.first_name, p1_0.guarantor_first_name, "
            + "p1_0.guarantor_last_name, p1_0.guarantor_relationship, p1_0.guarantor_line1, p1_0.guarantor_line2, "
            + "p1_0.guarantor_city, p1_0.guarantor_state, p1_0.guarantor_postal_code, p1_0.guarantor_phone, "
            + "p1_0.last_name, p1_0.merged_into, p1_0.mrn, p1_0.phone, p1_0.practice_id, p1_0.sex, "
            + "p1_0.ssn_encrypted, p1_0.ssn_last4, p1_0.status, p1_0.updated_at, p1_0.version";
    private static final String SEARCH_ORDER =
            " ORDER BY practice_id, lower(last_name) COLLATE \"C\", lower(first_name) COLLATE \"C\", id";
    private static final String BY_PREFIX = "practice_id IN (?) AND status = 'ACTIVE' AND lower(last_name) COLLATE \"C\" >= ? "
            + "AND lower(last_name) COLLATE \"C\" < ?";
    private static final String CAPPED = "SELECT count(*) FROM (SELECT 1 FROM patient WHERE %s" + SEARCH_ORDER
            + " LIMIT ?) AS capped";
    private static final int CAP = PatientRepository.SEARCH_LIMIT + 1;

    /** Stands for a patient of the big practice (its id is known once seeded). */
    private static final Object SEEDED_PATIENT = new Object();
    private static volatile UUID somePatient;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id FROM patient WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
                if (rs.next()) {
                    somePatient = (UUID) rs.getObject(1);
                    return;
                }
            }
            st.execute("""
                    INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, ssn_last4,
                        address_line1, address_city, address_state, address_postal_code, status, version, created_at, updated_at)
                    SELECT gen_random_uuid(), CASE WHEN i %% 100 = 0 THEN '%s' ELSE '%s' END, 'Q' || lpad(i::text, 9, '0'),
                           initcap(translate(substr(md5('f' || i), 1, 8), '0123456789', 'ghijklmnop')),
                           initcap(translate(substr(md5('l' || i), 1, 10), '0123456789', 'ghijklmnop')),
                           CASE WHEN i %% 10 = 1 THEN DATE '1900-01-01' ELSE DATE '1930-01-01' + (i %% 32000) END,
                           'F', '6789', '12 Main St', 'Springfield', 'IL', '62704', 'ACTIVE', 0, now(), now()
                    FROM generate_series(1, %d) AS i""".formatted(OTHER, PRACTICE, BIG));
            // the PHI audit, the outbox and idempotency records of that many registrations
            st.execute("""
                    INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
                    SELECT now() - (random() * interval '300 days'), 'registrar-' || (random() * 20)::int, 'READ', 'patient', id,
                           practice_id, 'SUCCESS'
                    FROM patient, generate_series(1, 2) WHERE practice_id = '%s'""".formatted(PRACTICE));
            st.execute("""
                    INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
                    SELECT gen_random_uuid(), 'revcycle.patients.events.v1', id::text, 'PatientRegistered', '{}', now(), now(), 1
                    FROM patient WHERE practice_id = '%s'""".formatted(PRACTICE));
            st.execute("""
                    INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, response_status, created_at, completed_at)
                    SELECT 'POST /patients|registrar-' || (i %% 20), 'key-' || i, md5(i::text), 'COMPLETED', 201, now(), now()
                    FROM generate_series(1, %d) AS i ON CONFLICT DO NOTHING""".formatted(BIG));
            st.execute("ANALYZE patient");
            st.execute("ANALYZE phi_audit_event");
            st.execute("ANALYZE outbox_event");
            st.execute("ANALYZE idempotency_record");
            try (ResultSet rs = st.executeQuery("SELECT id FROM patient WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
                rs.next();
                somePatient = (UUID) rs.getObject(1);
            }
        }
    }

    static Stream<Arguments> perRequestQueries() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        return Stream.concat(Stream.of(
                // registration (RegisteringPatients, PatientRepository.claimIdentity)
                query("identity lock and MRN",
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))::text, nextval('patient_mrn_seq')",
                        PRACTICE + "|ana|lopez|1900-01-01"),
                query("duplicate check, on the placeholder date of birth",
                        """
                        SELECT id FROM patient
                        WHERE practice_id = ? AND date_of_birth = ? AND lower(last_name) COLLATE "C" = ?
                          AND lower(first_name) COLLATE "C" = ? AND status = 'ACTIVE'
                        ORDER BY created_at""", PRACTICE, PLACEHOLDER_DOB, "lopez", "ana"),
                query("insert patient",
                        "insert into patient (address_line1, address_line2, address_city, address_state, address_postal_code, "
                                + "address_undeliverable_on, created_at, date_of_birth, date_of_death, email, first_name, "
                                + "guarantor_first_name, guarantor_last_name, guarantor_relationship, guarantor_line1, "
                                + "guarantor_line2, guarantor_city, guarantor_state, guarantor_postal_code, guarantor_phone, "
                                + "last_name, merged_into, mrn, phone, practice_id, sex, ssn_encrypted, ssn_last4, status, "
                                + "updated_at, version, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "12 Main St", null, "Springfield", "IL", "62704", null, now, LocalDate.of(1984, 3, 9), null,
                        null, "Ana", null, null, null, null, null, null, null, null, null, "Lopez", null, "M999999999",
                        null, PRACTICE, "F", null, "6789", "ACTIVE", now, 0, id),
                // reading and changing one patient (FindingPatients.get, ChangingPatients.lockVisible, flush)
                query("patient by id", "select " + PATIENT_COLUMNS + " from patient p1_0 where p1_0.id=?", id),
                query("patient by id, locked",
                        "select " + PATIENT_COLUMNS + " from patient p1_0 where p1_0.id=? for no key update of p1_0", id),
                query("update patient",
                        "update patient set address_line1=?, address_line2=?, address_city=?, address_state=?, "
                                + "address_postal_code=?, address_undeliverable_on=?, date_of_birth=?, date_of_death=?, email=?, "
                                + "first_name=?, guarantor_first_name=?, guarantor_last_name=?, guarantor_relationship=?, "
                                + "guarantor_line1=?, guarantor_line2=?, guarantor_city=?, guarantor_state=?, "
                                + "guarantor_postal_code=?, guarantor_phone=?, last_name=?, merged_into=?, phone=?, sex=?, "
                                + "ssn_encrypted=?, ssn_last4=?, status=?, updated_at=?, version=? where id=? and version=?",
                        "12 Main St", null, "Springfield", "IL", "62704", null, LocalDate.of(1984, 3, 9), null, null,
                        "Ana", null, null, null, null, null, null, null, null, null, "Lopez", null, null, "F", null,
                        "6789", "ACTIVE", now, 1, id, 0),
                // search (PatientRepository.search): the capped count, then the page
                query("search by one-letter prefix: count", CAPPED.formatted(BY_PREFIX), PRACTICE, "g", "g\uffff", CAP),
                query("search by one-letter prefix: page",
                        "SELECT * FROM patient WHERE " + BY_PREFIX + SEARCH_ORDER + " fetch first ? rows only",
                        PRACTICE, "g", "g\uffff", 20),
                query("search by prefix: a later page",
                        "SELECT * FROM patient WHERE " + BY_PREFIX + SEARCH_ORDER + " offset ? rows fetch next ? rows only",
                        PRACTICE, "g", "g\uffff", 800, 200),
                query("search by last and first name prefix: count", CAPPED.formatted(BY_PREFIX
                                + " AND lower(first_name) COLLATE \"C\" >= ? AND lower(first_name) COLLATE \"C\" < ?"),
                        PRACTICE, "g", "g\uffff", "h", "h\uffff", CAP),
                query("search by last and first name prefix: page", "SELECT * FROM patient WHERE " + BY_PREFIX
                                + " AND lower(first_name) COLLATE \"C\" >= ? AND lower(first_name) COLLATE \"C\" < ?"
                                + SEARCH_ORDER + " fetch first ? rows only",
                        PRACTICE, "g", "g\uffff", "h", "h\uffff", 20),
                query("search by prefix and date of birth: count", CAPPED.formatted(BY_PREFIX + " AND date_of_birth = ?"),
                        PRACTICE, "g", "g\uffff", PLACEHOLDER_DOB, CAP),
                query("search by prefix and date of birth: page", "SELECT * FROM patient WHERE " + BY_PREFIX
                                + " AND date_of_birth = ?" + SEARCH_ORDER + " fetch first ? rows only",
                        PRACTICE, "g", "g\uffff", PLACEHOLDER_DOB, 20),
                query("search by date of birth: count",
                        CAPPED.formatted("practice_id IN (?) AND status = 'ACTIVE' AND date_of_birth = ?"), PRACTICE, PLACEHOLDER_DOB, CAP),
                query("search by date of birth: page", "SELECT * FROM patient WHERE practice_id IN (?) AND status = 'ACTIVE' "
                        + "AND date_of_birth = ?" + SEARCH_ORDER + " fetch first ? rows only", PRACTICE, PLACEHOLDER_DOB, 20),
                query("search by MRN: count", CAPPED.formatted("practice_id IN (?) AND status = 'ACTIVE' AND mrn = ?"),
                        PRACTICE, "Q000000042", CAP),
                query("search by MRN: page", "SELECT * FROM patient WHERE practice_id IN (?) AND status = 'ACTIVE' AND mrn = ?"
                        + SEARCH_ORDER + " fetch first ? rows only", PRACTICE, "Q000000042", 20),
                query("list a practice: count", CAPPED.formatted("practice_id IN (?) AND status = 'ACTIVE'"), PRACTICE, CAP),
                query("list a practice: page", "SELECT * FROM patient WHERE practice_id IN (?) AND status = 'ACTIVE'"
                        + SEARCH_ORDER + " fetch first ? rows only", PRACTICE, 20),
                query("list two practices: count", CAPPED.formatted("practice_id IN (?, ?) AND status = 'ACTIVE'"), PRACTICE, OTHER, CAP),
                query("list two practices: page", "SELECT * FROM patient WHERE practice_id IN (?, ?) AND status = 'ACTIVE'"
                        + SEARCH_ORDER + " fetch first ? rows only", PRACTICE, OTHER, 20)),
                // common's own tables (PHI audit, outbox and relay, Idempotency-Key)
                CommonStatements.perRequest("POST /patients|registrar-1", "revcycle.patients.events.v1", "PatientRegistered",
                        PRACTICE, SEEDED_PATIENT).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perRequestQueries")
    void boundedAsGenericPlan(String name, String sql, Object[] params) throws Exception {
        Object[] bound = params.clone();
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] == SEEDED_PATIENT) {
                bound[i] = somePatient;
            }
        }
        try (Connection c = db.getConnection()) {
            QueryPlans.assertBounded(c, sql, bound);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    private static Arguments query(String name, String sql, Object... params) {
        return Arguments.of(name, sql, params);
    }
}
