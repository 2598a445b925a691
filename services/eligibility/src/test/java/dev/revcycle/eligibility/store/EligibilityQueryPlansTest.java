package dev.revcycle.eligibility.store;

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
 * Every query the eligibility service runs per request (and per consumed event or outbox batch)
 * stays bounded as a generic plan, over a practice of {@value #BIG} known patients with a coverage
 * and an eligibility check each, and a payer directory of {@value #PAYERS} payers (see
 * {@link QueryPlans} for the rule). The statements are written as Hibernate and the repositories
 * send them (taken from the SQL log of the API tests); add a new one here.
 *
 * <p>The payer directory is a lookup table: it does not grow with practices or patients, and at
 * this size PostgreSQL may rightly read its few pages and sort them; its pages and capped count follow
 * the indexes of V2__payer_list_indexes.sql when it is large.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class EligibilityQueryPlansTest {
    static final int BIG = 30_000;
    static final int PAYERS = 900;
    static final String PRACTICE = "plans-big";

    private static final String COVERAGE_COLUMNS = "c1_0.id, c1_0.created_at, c1_0.effective_date, c1_0.group_number, "
            + "c1_0.member_id, c1_0.patient_id, c1_0.payer_id, c1_0.plan_name, c1_0.practice_id, c1_0.priority, "
            + "c1_0.status, c1_0.subscriber_first_name, c1_0.subscriber_last_name, c1_0.subscriber_date_of_birth, "
            + "c1_0.subscriber_relationship, c1_0.termination_date, c1_0.updated_at, c1_0.version";
    private static final String CHECK_COLUMNS = "ec1_0.id, ec1_0.copay, ec1_0.coinsurance_percent, ec1_0.deductible, "
            + "ec1_0.deductible_remaining, ec1_0.out_of_pocket, ec1_0.out_of_pocket_remaining, ec1_0.checked_at, "
            + "ec1_0.control_number, ec1_0.coverage_id, ec1_0.error_reason, ec1_0.patient_id, ec1_0.plan_begin, "
            + "ec1_0.plan_end, ec1_0.practice_id, ec1_0.service_date, ec1_0.service_type_codes, ec1_0.status, "
            + "ec1_0.x12_request, ec1_0.x12_response";
    private static final String PATIENT_COLUMNS = "kp1_0.id, kp1_0.address_line1, kp1_0.address_line2, kp1_0.address_city, "
            + "kp1_0.address_state, kp1_0.address_postal_code, kp1_0.date_of_birth, kp1_0.first_name, kp1_0.last_name, "
            + "kp1_0.merged_into, kp1_0.practice_id, kp1_0.sex, kp1_0.updated_at, kp1_0.applied_version";
    private static final String PAYER_COLUMNS = "p1_0.id, p1_0.created_at, p1_0.name, p1_0.payer_type, "
            + "p1_0.timely_filing_days, p1_0.x12_payer_id";
    private static final String CAPPED_PAYERS = "SELECT count(*) FROM (SELECT 1 FROM payer%s LIMIT ?) AS capped";
    private static final int CAP = PayerRepository.COUNT_LIMIT + 1;

    /** Stand for rows of the big practice (known once seeded). */
    private static final Object SEEDED_PATIENT = new Object();
    private static final Object SEEDED_COVERAGE = new Object();
    private static final Object SEEDED_CHECK = new Object();
    private static final Object SEEDED_PAYER = new Object();
    private static volatile UUID payer;
    private static volatile UUID patient;
    private static volatile UUID coverage;
    private static volatile UUID check;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            if (!seeded(st)) {
                st.execute("""
                        INSERT INTO payer (id, name, payer_type, x12_payer_id, timely_filing_days, created_at)
                        SELECT gen_random_uuid(), 'Plans Payer ' || i, (ARRAY['MEDICARE','MEDICAID','COMMERCIAL','MANAGED_CARE'])[1 + i %% 4],
                               'PLN' || i, 90, now()
                        FROM generate_series(1, %d) AS i""".formatted(PAYERS));
                st.execute("""
                        INSERT INTO known_patient (id, practice_id, first_name, last_name, date_of_birth, sex, updated_at, applied_version)
                        SELECT gen_random_uuid(), '%s', 'Ana', 'Lopez' || i, DATE '1930-01-01' + (i %% 32000), 'F', now(), 1
                        FROM generate_series(1, %d) AS i""".formatted(PRACTICE, BIG));
                st.execute("""
                        INSERT INTO coverage (id, practice_id, patient_id, payer_id, member_id, priority, subscriber_relationship,
                            effective_date, status, version, created_at, updated_at)
                        SELECT gen_random_uuid(), kp.practice_id, kp.id, (SELECT id FROM payer WHERE x12_payer_id = 'PLN1'),
                               'M' || kp.last_name, 'PRIMARY', 'SELF', DATE '2024-01-01', 'ACTIVE', 0, now(), now()
                        FROM known_patient kp WHERE kp.practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO eligibility_check (id, coverage_id, patient_id, practice_id, service_date, service_type_codes, status,
                            control_number, x12_request, checked_at)
                        SELECT gen_random_uuid(), c.id, c.patient_id, c.practice_id, DATE '2026-01-01' + (random() * 300)::int, '30',
                               'ACTIVE', 1, 'ISA*...~', now()
                        FROM coverage c, generate_series(1, 2) WHERE c.practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO eligibility_check_rejection (check_id, position, code, description)
                        SELECT id, 0, '72', 'Invalid member id' FROM eligibility_check WHERE practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO inbox_event (consumer, event_id, event_type, outcome, received_at)
                        SELECT 'eligibility.patients', gen_random_uuid()::text, 'PatientRegistered', 'applied', now() FROM generate_series(1, %d)""".formatted(BIG));
                st.execute("""
                        INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
                        SELECT now(), 'biller', 'READ', 'coverage', id, practice_id, 'SUCCESS' FROM coverage WHERE practice_id = '%s'
                        """.formatted(PRACTICE));
                st.execute("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
                        SELECT gen_random_uuid(), 'revcycle.eligibility.events.v1', id::text, 'CoverageAdded', '{}', now(), now(), 1
                        FROM coverage WHERE practice_id = '%s'""".formatted(PRACTICE));
                st.execute("""
                        INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, response_status, created_at, completed_at)
                        SELECT 'POST /eligibility-checks|biller-' || (i %% 20), 'key-' || i, md5(i::text), 'COMPLETED', 200, now(), now()
                        FROM generate_series(1, %d) AS i ON CONFLICT DO NOTHING""".formatted(BIG));
                for (String table : new String[] {"payer", "known_patient", "coverage", "eligibility_check",
                        "eligibility_check_rejection", "inbox_event", "phi_audit_event", "outbox_event", "idempotency_record"}) {
                    st.execute("ANALYZE " + table);
                }
                seeded(st);
            }
            // providers of the big practice, also into a database seeded before there were providers (a practice has
            // few; this many makes a scan of the practice show)
            if (!providersSeeded(st)) {
                st.execute("""
                        INSERT INTO known_provider (id, practice_id, npi, name, entity_type, default_billing, changed_at,
                            applied_version, updated_at)
                        SELECT gen_random_uuid(), '%s', lpad(i::text, 10, '0'), 'Provider ' || i, 'ORGANIZATION', i %% 1000 = 0,
                               now() - i * interval '1 second', 1, now()
                        FROM generate_series(1, %d) AS i""".formatted(PRACTICE, BIG));
                st.execute("ANALYZE known_provider");
            }
        }
    }

    private static boolean providersSeeded(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM known_provider WHERE practice_id = '" + PRACTICE + "' LIMIT 1")) {
            return rs.next();
        }
    }

    private static boolean seeded(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT c.patient_id, c.id, e.id, c.payer_id FROM coverage c JOIN eligibility_check e "
                + "ON e.coverage_id = c.id WHERE c.practice_id = '" + PRACTICE + "' LIMIT 1")) {
            if (!rs.next()) {
                return false;
            }
            patient = (UUID) rs.getObject(1);
            coverage = (UUID) rs.getObject(2);
            check = (UUID) rs.getObject(3);
            payer = (UUID) rs.getObject(4);
            return true;
        }
    }

    static Stream<Arguments> perRequestQueries() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate day = LocalDate.of(2026, 3, 1);
        return Stream.concat(Stream.of(
                // coverages (AddingCoverages, ChangingCoverages, FindingCoverages, BatchChecking; CoverageRepository)
                query("patient lock", "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "coverage|" + id),
                query("coverage by id", "select " + COVERAGE_COLUMNS + " from coverage c1_0 where c1_0.id=?", SEEDED_COVERAGE),
                query("coverage by id, locked", "select " + COVERAGE_COLUMNS
                        + " from coverage c1_0 where c1_0.id=? for no key update of c1_0", SEEDED_COVERAGE),
                query("coverages of a patient", "select " + COVERAGE_COLUMNS + " from coverage c1_0 where c1_0.patient_id=? "
                        + "order by c1_0.priority, c1_0.effective_date, c1_0.id", SEEDED_PATIENT),
                query("coverage list: count", "select count(*) from coverage c1_0 where c1_0.patient_id=? and c1_0.practice_id in (?)",
                        SEEDED_PATIENT, PRACTICE),
                query("coverage list: page", "select " + COVERAGE_COLUMNS + " from coverage c1_0 where c1_0.patient_id=? "
                        + "and c1_0.practice_id in (?) order by c1_0.status, c1_0.priority, c1_0.effective_date desc, c1_0.id "
                        + "offset ? rows fetch first ? rows only", SEEDED_PATIENT, PRACTICE, 0, 20),
                query("coverage list by status: count", "select count(*) from coverage c1_0 where c1_0.patient_id=? "
                        + "and c1_0.practice_id in (?) and c1_0.status=?", SEEDED_PATIENT, PRACTICE, "ACTIVE"),
                query("coverage list by status: page", "select " + COVERAGE_COLUMNS + " from coverage c1_0 where c1_0.patient_id=? "
                        + "and c1_0.practice_id in (?) and c1_0.status=? order by c1_0.status, c1_0.priority, "
                        + "c1_0.effective_date desc, c1_0.id offset ? rows fetch first ? rows only", SEEDED_PATIENT, PRACTICE, "ACTIVE", 0, 20),
                query("insert coverage", "insert into coverage (created_at, effective_date, group_number, member_id, patient_id, "
                                + "payer_id, plan_name, practice_id, priority, status, subscriber_first_name, subscriber_last_name, "
                                + "subscriber_date_of_birth, subscriber_relationship, termination_date, updated_at, version, id) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        now, day, null, "M1", SEEDED_PATIENT, SEEDED_PAYER, null, PRACTICE, "SECONDARY", "ACTIVE", null, null, null, "SELF",
                        null, now, 0, id),
                query("update coverage", "update coverage set effective_date=?, group_number=?, member_id=?, plan_name=?, priority=?, "
                                + "status=?, subscriber_first_name=?, subscriber_last_name=?, subscriber_date_of_birth=?, "
                                + "subscriber_relationship=?, termination_date=?, updated_at=?, version=? where id=? and version=?",
                        day, null, "M2", null, "PRIMARY", "ACTIVE", null, null, null, "SELF", null, now, 1, SEEDED_COVERAGE, 0),
                // known patients (LearningPatients, the use cases' lookups)
                query("known patient by id", "select " + PATIENT_COLUMNS + " from known_patient kp1_0 where kp1_0.id=?", SEEDED_PATIENT),
                query("insert known patient", "insert into known_patient (address_line1, address_line2, address_city, address_state, "
                                + "address_postal_code, applied_version, date_of_birth, first_name, last_name, merged_into, practice_id, sex, "
                                + "updated_at, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        null, null, null, null, null, 1, day, "Ana", "Lopez", null, PRACTICE, "F", now, id),
                query("update known patient (a merge)", "update known_patient set address_line1=?, address_line2=?, address_city=?, "
                                + "address_state=?, address_postal_code=?, applied_version=?, date_of_birth=?, first_name=?, last_name=?, "
                                + "merged_into=?, practice_id=?, sex=?, updated_at=? where id=?",
                        null, null, null, null, null, 2, day, "Ana", "Lopez", null, PRACTICE, "F", now, SEEDED_PATIENT),
                // the consumer's batched, version-guarded upsert (KnownPatientRepository.upsertNewer), as it sends it
                query("upsert newer known patients", KnownPatientRepository.UPSERT_NEWER,
                        now, new String[] {id.toString()}, new String[] {PRACTICE}, new String[] {"Ana"}, new String[] {"Lopez"},
                        new String[] {day.toString()}, new String[] {"F"}, new String[] {"12 Main St"}, new String[] {""},
                        new String[] {"Springfield"}, new String[] {"IL"}, new String[] {"62704"}, new String[] {"2"}),
                // known providers: the consumer's version-guarded upsert (LearningProviders), and the practice's default
                // billing provider for each 270 (CheckRecords; KnownProviderRepository)
                query("upsert newer known provider", KnownProviderRepository.UPSERT_NEWER,
                        id, PRACTICE, "1245319599", "Bone and Joint Clinic", "ORGANIZATION", true, now, 2L, now),
                query("default billing provider of a practice", KnownProviderRepository.DEFAULT_BILLING, PRACTICE),
                // payers (ManagingPayers, AddingCoverages; PayerRepository)
                query("payer by id", "select " + PAYER_COLUMNS + " from payer p1_0 where p1_0.id=?", id),
                query("payer by X12 id", "select " + PAYER_COLUMNS + " from payer p1_0 where p1_0.x12_payer_id=? fetch first ? rows only",
                        "PLN42", 1),
                query("payer X12 id lock", "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "payer|PLN42"),
                query("insert payer", "insert into payer (created_at, name, payer_type, timely_filing_days, x12_payer_id, id) "
                        + "values (?, ?, ?, ?, ?, ?)", now, "New Payer", "COMMERCIAL", 90, "NEW1", id),
                query("payer list: count", CAPPED_PAYERS.formatted(" ORDER BY name, id"), CAP),
                query("payer list: page", "select " + PAYER_COLUMNS + " from payer p1_0 order by p1_0.name, p1_0.id "
                        + "offset ? rows fetch first ? rows only", 0, 20),
                query("payer list: a later page", "select " + PAYER_COLUMNS + " from payer p1_0 order by p1_0.name, p1_0.id "
                        + "offset ? rows fetch first ? rows only", 1000, 200),
                query("payer list by type: count",
                        CAPPED_PAYERS.formatted(" WHERE payer_type = ? ORDER BY payer_type, name, id"), "COMMERCIAL", CAP),
                query("payer list by type: page", "select " + PAYER_COLUMNS + " from payer p1_0 where p1_0.payer_type=? "
                        + "order by p1_0.name, p1_0.id offset ? rows fetch first ? rows only", "COMMERCIAL", 0, 20),
                // eligibility checks (CheckRecords; EligibilityCheckRepository)
                query("latest check of a coverage and day", "select " + CHECK_COLUMNS + " from eligibility_check ec1_0 "
                        + "where ec1_0.coverage_id=? and ec1_0.service_date=? order by ec1_0.checked_at desc fetch first ? rows only",
                        SEEDED_COVERAGE, day, 1),
                query("X12 control number", "SELECT nextval('x12_control_number_seq')"),
                query("check by id, with rejections", "select " + CHECK_COLUMNS.replace("ec1_0.practice_id, ",
                                "ec1_0.practice_id, r1_0.check_id, r1_0.position, r1_0.code, r1_0.description, ")
                        + " from eligibility_check ec1_0 left join eligibility_check_rejection r1_0 on ec1_0.id=r1_0.check_id "
                        + "where ec1_0.id=?", SEEDED_CHECK),
                query("rejections of a check", "select r1_0.check_id, r1_0.position, r1_0.code, r1_0.description "
                        + "from eligibility_check_rejection r1_0 where r1_0.check_id=?", SEEDED_CHECK),
                query("insert check", "insert into eligibility_check (copay, coinsurance_percent, deductible, deductible_remaining, "
                                + "out_of_pocket, out_of_pocket_remaining, checked_at, control_number, coverage_id, error_reason, "
                                + "patient_id, plan_begin, plan_end, practice_id, service_date, service_type_codes, status, "
                                + "x12_request, x12_response, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        null, null, null, null, null, null, now, 7, SEEDED_COVERAGE, null, SEEDED_PATIENT, null, null, PRACTICE,
                        day, "30", "ACTIVE", "ISA*~", null, id),
                query("insert rejection", "insert into eligibility_check_rejection (check_id, position, code, description) "
                        + "values (?, ?, ?, ?)", SEEDED_CHECK, 1, "72", "Invalid member id")),
                // common's own tables: PHI audit, outbox and relay, Idempotency-Key, inbox
                Stream.concat(CommonStatements.perRequest("POST /eligibility-checks|biller-1", "revcycle.eligibility.events.v1",
                        "CoverageAdded", PRACTICE, id).stream(),
                        CommonStatements.perEventBatch("eligibility.patients", "PatientRegistered").stream()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perRequestQueries")
    void boundedAsGenericPlan(String name, String sql, Object[] params) throws Exception {
        Object[] bound = params.clone();
        for (int i = 0; i < bound.length; i++) {
            bound[i] = bound[i] == SEEDED_PATIENT ? patient
                    : bound[i] == SEEDED_COVERAGE ? coverage
                    : bound[i] == SEEDED_CHECK ? check
                    : bound[i] == SEEDED_PAYER ? payer
                    : bound[i];
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
