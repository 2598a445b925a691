package dev.revcycle.collections.store;

import dev.revcycle.collections.events.CollectionsConsumer;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.CommonStatements;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every statement collections runs per request or per event stays bounded as a generic plan over a practice of
 * {@value #BIG} accounts, each with a patient, a movement, a hold, a dated hold and a note, and two years of aging
 * days.
 * The aging aggregate reads the practice's aging_day rows: one per distinct oldest open date of service (730
 * here, at most 3,650 for ten years of history), never one per account — it is checked with the practice as a
 * bounding column and the same row bound.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class CollectionsQueryPlansTest {
    static final int BIG = 50_000;
    static final String PRACTICE = "plans-big";

    @Inject
    AgroalDataSource db;

    @Test
    void perRequestAndPerEventStatementsAreBounded() throws Exception {
        UUID account;
        UUID patient;
        UUID hold;
        UUID line;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM account WHERE practice_id = '" + PRACTICE + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    st.execute("""
                            INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance,
                                credit_balance, oldest_open_service_date, balance_version, first_seen_at, updated_at)
                            SELECT gen_random_uuid(), '%s', gen_random_uuid(), 150, 100, 50, 0,
                                DATE '2025-01-01' + (n %% 730), 3, now(), now() FROM generate_series(1, %d) n"""
                            .formatted(PRACTICE, BIG));
                    st.execute("""
                            INSERT INTO aging_day (practice_id, service_date, accounts, patient_accounts, insurance_accounts,
                                patient_balance, insurance_balance)
                            SELECT '%s', oldest_open_service_date, count(*), count(*), count(*), sum(patient_balance),
                                sum(insurance_balance) FROM account WHERE practice_id = '%s' GROUP BY 2"""
                            .formatted(PRACTICE, PRACTICE));
                    st.execute("""
                            INSERT INTO patient (id, practice_id, first_name, last_name, version, updated_at)
                            SELECT patient_id, practice_id, 'Ana', 'Lopez', 1, now() FROM account WHERE practice_id = '%s'"""
                            .formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO movement (id, account_id, practice_id, type, amount, responsibility, insurance_effect,
                                patient_effect, claim_line_id, service_date, effective_date, account_version, learnt_at)
                            SELECT gen_random_uuid(), id, practice_id, 'CHARGE', 150, 'INSURANCE', 150, 0, gen_random_uuid(),
                                oldest_open_service_date, oldest_open_service_date, 2, now()
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO collection_hold (id, account_id, practice_id, patient_id, type, automatic, placed_by,
                                placed_at, released_at)
                            SELECT gen_random_uuid(), id, practice_id, patient_id,
                                (ARRAY['BANKRUPTCY','PROBATE','ATTORNEY','DISPUTE','RETURNED_MAIL'])[1 + (random() * 4)::int],
                                random() < 0.5, 'plans', now(), CASE WHEN random() < 0.5 THEN now() END
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO account_note (id, account_id, practice_id, kind, text, created_by, created_at)
                            SELECT gen_random_uuid(), id, practice_id, 'CALL', 'called', 'plans', now() - random() * interval '90 days'
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("""
                            INSERT INTO write_off_request (id, account_id, practice_id, amount, kind, reason, source,
                                requested_by, requested_at)
                            SELECT gen_random_uuid(), id, practice_id, 5, 'SMALL_BALANCE', 'small', 'STATEMENT_RUN', 'plans', now()
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    for (String t : new String[] {"account", "aging_day", "patient", "movement", "collection_hold",
                            "account_note", "write_off_request"}) {
                        st.execute("ANALYZE " + t);
                    }
                }
            }
            // holds with an end date, half of them still open, ending over two years from 2100 (after every day the
            // other tests release expired holds on, so that the daily job there leaves them alone)
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM collection_hold WHERE until >= DATE '2100-01-01'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    st.execute("""
                            INSERT INTO collection_hold (id, account_id, practice_id, patient_id, type, automatic, placed_by,
                                placed_at, released_at, until)
                            SELECT gen_random_uuid(), id, practice_id, patient_id, 'DISPUTE', false, 'plans', now(),
                                CASE WHEN random() < 0.5 THEN now() END, DATE '2100-01-01' + (oldest_open_service_date - DATE '2025-01-01')
                            FROM account WHERE practice_id = '%s'""".formatted(PRACTICE));
                    st.execute("ANALYZE collection_hold");
                }
            }
            // common's tables, as a service that has run a while has them: the inbox's rows all of one consumer
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM inbox_event")) {
                rs.next();
                if (rs.getLong(1) < BIG) {
                    st.execute("""
                            INSERT INTO inbox_event (consumer, event_id, event_type, outcome, received_at)
                            SELECT '%s', gen_random_uuid()::text, 'AccountBalanceChanged', 'applied', now()
                            FROM generate_series(1, %d)""".formatted(CollectionsConsumer.CONSUMER, BIG));
                    st.execute("""
                            INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
                            SELECT gen_random_uuid(), '%s', gen_random_uuid()::text, 'StatementIssued', '{}', now(), now(), 1
                            FROM generate_series(1, %d)""".formatted(Topics.COLLECTIONS, BIG));
                    st.execute("""
                            INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, response_status,
                                created_at, completed_at)
                            SELECT 'POST /payment-plans|collector-' || (i %% 20), 'key-' || i, md5(i::text), 'COMPLETED', 201,
                                now(), now() FROM generate_series(1, %d) AS i ON CONFLICT DO NOTHING""".formatted(BIG));
                    st.execute("""
                            INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
                            SELECT now(), 'collector', 'READ', 'account', id, practice_id, 'SUCCESS' FROM account
                            WHERE practice_id = '%s'""".formatted(PRACTICE));
                    for (String t : new String[] {"inbox_event", "outbox_event", "idempotency_record", "phi_audit_event"}) {
                        st.execute("ANALYZE " + t);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT a.id, a.patient_id, h.id, m.claim_line_id FROM account a "
                    + "JOIN collection_hold h ON h.account_id = a.id JOIN movement m ON m.account_id = a.id "
                    + "WHERE a.practice_id = '" + PRACTICE + "' LIMIT 1")) {
                rs.next();
                account = rs.getObject(1, UUID.class);
                patient = rs.getObject(2, UUID.class);
                hold = rs.getObject(3, UUID.class);
                line = rs.getObject(4, UUID.class);
            }
        }
        LocalDate day = LocalDate.of(2026, 12, 1);
        Instant now = Instant.now();
        BigDecimal ten = new BigDecimal("10.00");
        String[] patients = {patient.toString(), UUID.randomUUID().toString()};
        String[] accounts = {account.toString(), UUID.randomUUID().toString()};
        try (Connection c = db.getConnection()) {
            // accounts and aging
            QueryPlans.assertBounded(c, AccountStore.FIND, account);
            QueryPlans.assertBounded(c, AccountStore.LOCK, account);
            QueryPlans.assertBounded(c, AccountStore.OF_PATIENT, patient, PRACTICE);
            QueryPlans.assertBounded(c, AccountStore.OF_PATIENTS, patients, PRACTICE);
            QueryPlans.assertBounded(c, AccountStore.LOCK_ALL, (Object) accounts);
            QueryPlans.assertBounded(c, AccountStore.INSERT_ALL, now, now, new String[] {UUID.randomUUID().toString(), account.toString()},
                    new String[] {PRACTICE, PRACTICE}, new String[] {UUID.randomUUID().toString(), patient.toString()},
                    new String[] {"10", "10"}, new String[] {"10", "10"}, new String[] {"0", "0"}, new String[] {"0", "0"},
                    new String[] {day.toString(), null}, new String[] {"1", "4"});
            QueryPlans.assertBounded(c, AccountStore.UPDATE_ALL, now, accounts, new String[] {"10", "10"},
                    new String[] {"10", "10"}, new String[] {"0", "0"}, new String[] {"0", "0"},
                    new String[] {day.toString(), null}, new String[] {"9", "9"});
            QueryPlans.assertBounded(c, PracticeDays.AGING_ADD_ALL, new String[] {PRACTICE, PRACTICE},
                    new String[] {day.toString(), day.plusDays(1).toString()}, new String[] {"1", "-1"},
                    new String[] {"1", "-1"}, new String[] {"0", "0"}, new String[] {"10", "-10"}, new String[] {"10", "-10"});
            QueryPlans.assertBounded(c, AccountStore.PROMISE, day, ten, now, account);
            QueryPlans.assertBounded(c, AccountStore.MERGED, UUID.randomUUID(), now, account);
            QueryPlans.assertBounded(c, AccountStore.NEXT_VERSION, account);
            QueryPlans.assertBounded(c, QueryPlans.DEFAULT_MAX_ROWS, Set.of(), AccountStore.AGING, day, day, day, day, PRACTICE);
            // movements
            UUID entry = UUID.randomUUID();
            String[] none = {null, null};
            QueryPlans.assertBounded(c, MovementStore.INSERT_ALL, now, new String[] {entry.toString(), UUID.randomUUID().toString()},
                    new String[] {account.toString(), account.toString()}, new String[] {PRACTICE, PRACTICE}, none,
                    new String[] {"PAYMENT", "ADJUSTMENT"}, new String[] {"CARD", "CONTRACTUAL"},
                    new String[] {"PAYMENT", "REVERSAL"}, new String[] {"10", "10"}, new String[] {"PATIENT", "INSURANCE"},
                    new String[] {"0", null}, new String[] {"-10", null}, none, new String[] {line.toString(), line.toString()},
                    new String[] {UUID.randomUUID().toString(), null}, new String[] {"CARD", null},
                    new String[] {"PARTNER_PAYMENT", "ERA"}, none, none, new String[] {null, entry.toString()},
                    new String[] {day.toString(), day.toString()}, new String[] {now.toString(), now.toString()},
                    new String[] {"4", "5"});
            QueryPlans.assertBounded(c, MovementStore.OF_ACCOUNT, account, 50);
            // patients
            QueryPlans.assertBounded(c, PatientStore.UPSERT, patient, PRACTICE, "M1", "Ana", "Lopez", day, "1 Main", null,
                    "Springfield", "IL", "62704", false, null, null, null, null, null, null, null, null, null, null, 5, now);
            QueryPlans.assertBounded(c, PatientStore.FIND, patient);
            QueryPlans.assertBounded(c, PatientStore.FIND_MANY, (Object) patients);
            QueryPlans.assertBounded(c, PatientStore.EXISTS, patient);
            QueryPlans.assertBounded(c, PatientStore.DECEASED, day, 5, now, patient, 5);
            QueryPlans.assertBounded(c, PatientStore.UNDELIVERABLE, day, 5, now, patient, 5);
            QueryPlans.assertBounded(c, PatientStore.CORRECTED, "1 Main", null, "Springfield", "IL", "62704", 5, now, patient, 5);
            QueryPlans.assertBounded(c, PatientStore.MERGED, UUID.randomUUID(), 5, now, patient, 5);
            QueryPlans.assertBounded(c, PatientStore.BUMP, 5, now, patient, 5);
            QueryPlans.assertBounded(c, PatientStore.STUB, UUID.randomUUID(), PRACTICE, 1, now);
            // holds
            QueryPlans.assertBounded(c, HoldStore.INSERT, UUID.randomUUID(), account, PRACTICE, patient, "DISPUTE", "n", null,
                    null, false, null, null, null, null, null, null, null, null, null, null, "x", "plans", now);
            QueryPlans.assertBounded(c, HoldStore.FIND, hold, account);
            QueryPlans.assertBounded(c, HoldStore.OF_ACCOUNT, account);
            QueryPlans.assertBounded(c, HoldStore.ACTIVE_OF_ACCOUNT, account, day);
            QueryPlans.assertBounded(c, HoldStore.ACTIVE_OF_ACCOUNTS, accounts, day);
            QueryPlans.assertBounded(c, HoldStore.ACTIVE_OF_TYPE, account, "DISPUTE", day);
            QueryPlans.assertBounded(c, HoldStore.RELEASE, now, "plans", "RELEASED", "n", null, null, hold);
            QueryPlans.assertBounded(c, HoldStore.MOVE, UUID.randomUUID(), patient, account, UUID.randomUUID());
            // the daily expiry's page, from the start and from a key in the middle: both bounded by its LIMIT
            LocalDate afterAll = LocalDate.of(2102, 1, 1);
            QueryPlans.assertBounded(c, HoldStore.EXPIRED, afterAll, LocalDate.of(1900, 1, 1), new UUID(0, 0));
            QueryPlans.assertBounded(c, HoldStore.EXPIRED, afterAll, LocalDate.of(2101, 1, 1), new UUID(0, 0));
            // notes, policy, write-offs
            QueryPlans.assertBounded(c, NoteStore.INSERT, UUID.randomUUID(), account, PRACTICE, "CALL", "x", null, null, "plans", now);
            QueryPlans.assertBounded(c, NoteStore.PAGE, account, 20, 0);
            QueryPlans.assertBounded(c, NoteStore.COUNT, account);
            QueryPlans.assertBounded(c, PolicyStore.FIND, PRACTICE);
            QueryPlans.assertBounded(c, PolicyStore.UPSERT, PRACTICE, 30, 4, 10, ten, 120, ten, new BigDecimal("0.95"), ten,
                    null, null, "plans", now);
            QueryPlans.assertBounded(c, WriteOffRequestStore.INSERT, UUID.randomUUID(), account, PRACTICE, ten, "BAD_DEBT", "x",
                    "BANKRUPTCY_DISCHARGE", hold, "plans", now);
            // common's statements: PHI audit, outbox and relay, Idempotency-Key, and the inbox's per batch
            for (Arguments statement : Stream.concat(
                    CommonStatements.perRequest("POST /payment-plans|collector-1", Topics.COLLECTIONS, "PaymentPlanCreated",
                            PRACTICE, account).stream(),
                    CommonStatements.perEventBatch(CollectionsConsumer.CONSUMER, "AccountBalanceChanged").stream()).toList()) {
                Object[] a = statement.get();
                try {
                    QueryPlans.assertBounded(c, (String) a[1], (Object[]) a[2]);
                } catch (AssertionError e) {
                    throw new AssertionError(a[0] + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
