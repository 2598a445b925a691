package dev.revcycle.collections.events;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.payments.AccountBalanceChanged;
import dev.revcycle.contracts.payments.AdjustmentPosted;
import dev.revcycle.contracts.payments.ChargePosted;
import dev.revcycle.contracts.payments.PaymentPosted;
import dev.revcycle.contracts.payments.PaymentReversed;
import dev.revcycle.testing.PoolWarnings;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One inbox batch of payments' and patients' events, as the consumer gets it from a poll, learnt in one transaction:
 * its balances and movements as sets, each event's outcome and effect the same as if they had been learnt one after
 * another (balances by version, a movement once, a reversal or a claim line's payment after the movement it needs,
 * a patient's event between them seeing what came before it).
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class LedgerBatchTest {
    static final String CONSUMER = "collections.batch-test";
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    Inbox inbox;

    @Inject
    CollectionsConsumer consumer;

    @Inject
    AgroalDataSource db;

    private final List<String> batch = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    @Test
    void aBatchOfBalancesAndMovementsIsLearntAsIfOneAfterAnother() throws Exception {
        String p = practice();
        UUID account = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        UUID contractual = UUID.randomUUID();
        UUID reversal = UUID.randomUUID();
        LocalDate dos = TODAY.minusDays(40);
        balance(account, patient, p, "0.00", "200.00", dos, 1);              // first seen
        charge(charge, account, p, line, "200.00", dos, 1);
        adjustment(contractual, account, p, line, "CONTRACTUAL", "ADJUSTMENT", "50.00", null, 2);
        balance(account, patient, p, "20.00", "130.00", dos, 4);             // newer, overtaking version 3
        balance(account, patient, p, "0.00", "150.00", dos, 3);              // older than 4: stale
        payment(payment, paymentId, account, p, line, "20.00", 5);           // needs the charge's date of service
        adjustment(reversal, account, p, line, "REVERSAL", "REVERSAL", "50.00", contractual, 6); // needs its original
        payment(payment, paymentId, account, p, line, "20.00", 5);           // the same entry again, another event id
        batch.add(batch.get(1));                                              // the same event again
        ids.add(ids.get(1));

        List<Outcome> outcomes;
        // the aging and KPI days and the changed accounts are written just before the commit, on the transaction's
        // connection, closed before the commit (the pool warned once per batch when not)
        try (PoolWarnings warnings = PoolWarnings.watch()) {
            outcomes = inbox.receiveAll(CONSUMER, batch, consumer);
            assertThat(warnings.messages()).isEmpty();
        }

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.STALE, Outcome.APPLIED, Outcome.APPLIED, Outcome.STALE, Outcome.DUPLICATE);
        assertThat(Feeds.textOf("SELECT balance_version || ' ' || patient_balance || ' ' || insurance_balance FROM account "
                + "WHERE id = ?", account)).isEqualTo("4 20.00 130.00");
        // the practice's aging holds the account once, at its newest balances
        assertThat(Feeds.textOf("SELECT sum(accounts) || ' ' || sum(patient_balance) || ' ' || sum(insurance_balance) "
                + "FROM aging_day WHERE practice_id = (SELECT practice_id FROM account WHERE id = ?)", account))
                .isEqualTo("1 20.00 130.00");
        assertThat(Feeds.longOf("SELECT count(*) FROM movement WHERE account_id = ?", account)).isEqualTo(4);
        assertThat(Feeds.textOf("SELECT service_date::text FROM movement WHERE id = ?", payment)).isEqualTo(dos.toString());
        assertThat(Feeds.textOf("SELECT insurance_effect::text FROM movement WHERE id = ?", reversal)).isEqualTo("50.00");
        assertThat(Feeds.textOf("SELECT service_date::text FROM movement WHERE id = ?", reversal)).isEqualTo(dos.toString());
        // the KPIs' day counts each movement once
        assertThat(Feeds.longOf("SELECT sum(movements) FROM kpi_day WHERE practice_id = (SELECT practice_id FROM account "
                + "WHERE id = ?)", account)).isEqualTo(4);
        // the overtaken balance is recorded as stale
        assertThat(Feeds.textOf("SELECT outcome FROM inbox_event WHERE consumer = '" + CONSUMER + "' AND event_id = ?::text",
                UUID.fromString(ids.get(4)))).isEqualTo("stale");

        // the same batch again: every event already applied, nothing moves
        List<Outcome> again = inbox.receiveAll(CONSUMER, batch, consumer);
        assertThat(again).containsOnly(Outcome.DUPLICATE);
        assertThat(Feeds.textOf("SELECT sum(accounts) || ' ' || sum(patient_balance) FROM aging_day WHERE practice_id = "
                + "(SELECT practice_id FROM account WHERE id = ?)", account)).isEqualTo("1 20.00");
    }

    @Test
    void aPatientsEventInTheBatchSeesTheBalancesBeforeItAndIsSeenByThoseAfter() throws Exception {
        String p = practice();
        UUID patient = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        balance(before, patient, p, "30.00", "0.00", TODAY.minusDays(10), 1);
        event(EventTypes.PATIENT_REGISTERED, patient, new PatientRegistered(patient, p, new PatientDemographics("M7",
                "Ana", "Lopez", LocalDate.of(1950, 1, 2), "F", new Address("1 Main St", null, "Springfield", "IL", "62704"),
                false, null, null, null), 1));
        event(EventTypes.PATIENT_DECEASED, patient, new PatientDeceased(patient, p, TODAY.minusDays(1), 2));
        balance(after, patient, p, "40.00", "0.00", TODAY.minusDays(5), 1);

        assertThat(inbox.receiveAll(CONSUMER, batch, consumer)).containsOnly(Outcome.APPLIED);

        // the account known before the death is held by the death; the one that appears after it, on arrival
        for (UUID account : List.of(before, after)) {
            assertThat(Feeds.longOf("SELECT count(*) FROM collection_hold WHERE account_id = ? AND type = 'PROBATE' "
                    + "AND released_at IS NULL", account)).isEqualTo(1);
        }
    }

    @Test
    void aBalanceThatWasZeroInTheBatchStartsDunningAgainAndPlansCountEachPayment() throws Exception {
        String p = practice();
        UUID account = Feeds.account(p, "300.00", "0.00", TODAY.minusDays(60));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO account_dunning (account_id, practice_id, level, first_statement_on, last_statement_on,
                    last_statement_id, statements) VALUES (?, ?, 'REMINDER', ?, ?, ?, 2)""")) {
            s.setObject(1, account);
            s.setString(2, p);
            s.setObject(3, TODAY.minusDays(40));
            s.setObject(4, TODAY.minusDays(10));
            s.setObject(5, UUID.randomUUID());
            s.executeUpdate();
        }
        String plan = as("collector", p).body("""
                {"accountId": "%s", "totalAmount": 300.00, "installmentAmount": 100.00, "frequency": "MONTHLY",
                 "firstDueDate": "%s"}""".formatted(account, TODAY.plusDays(5)))
                .post("/payment-plans").then().statusCode(201).extract().path("id");
        UUID first = UUID.randomUUID();
        payment(UUID.randomUUID(), first, account, p, null, "120.00", 2);
        payment(UUID.randomUUID(), UUID.randomUUID(), account, p, null, "60.00", 3);
        event(EventTypes.PAYMENT_REVERSED, account, new PaymentReversed(first, account, null, p, new BigDecimal("120.00"),
                "PATIENT", "returned check", TODAY, Instant.now(), 4));
        balance(account, null, p, "0.00", "0.00", null, 5);       // paid to zero in between
        balance(account, null, p, "240.00", "0.00", TODAY.minusDays(60), 6);

        assertThat(inbox.receiveAll(CONSUMER, batch, consumer)).containsOnly(Outcome.APPLIED);

        assertThat(Feeds.longOf("SELECT count(*) FROM account_dunning WHERE account_id = ?", account)).isZero();
        assertThat(as("collector", p).get("/payment-plans/" + plan).then().statusCode(200).extract().jsonPath()
                .getDouble("paid")).isEqualTo(60.0);
        assertThat(Feeds.textOf("SELECT patient_balance::text FROM account WHERE id = ?", account)).isEqualTo("240.00");
    }

    @Test
    void aMalformedEventInTheBatchLeavesNothingOfIt() {
        String p = practice();
        UUID account = UUID.randomUUID();
        balance(account, UUID.randomUUID(), p, "10.00", "0.00", TODAY, 1);
        event(EventTypes.ACCOUNT_BALANCE_CHANGED, account, new AccountBalanceChanged(account, UUID.randomUUID(), p,
                new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("10.005"), BigDecimal.ZERO, TODAY, 2));

        assertThatThrownBy(() -> inbox.receiveAll(CONSUMER, batch, consumer)).isInstanceOf(MalformedEventException.class);
        assertThat(Feeds.longOf("SELECT count(*) FROM account WHERE id = ?", account)).isZero();
    }

    private void balance(UUID account, UUID patient, String practice, String patientBalance, String insurance,
                         LocalDate oldest, long version) {
        BigDecimal pb = new BigDecimal(patientBalance);
        BigDecimal ib = new BigDecimal(insurance);
        event(EventTypes.ACCOUNT_BALANCE_CHANGED, account, new AccountBalanceChanged(account,
                patient == null ? UUID.randomUUID() : patient, practice, pb.add(ib), ib, pb, BigDecimal.ZERO.setScale(2),
                oldest, version));
    }

    private void charge(UUID entry, UUID account, String practice, UUID line, String amount, LocalDate dos, long version) {
        event(EventTypes.CHARGE_POSTED, account, new ChargePosted(entry, account, null, practice, UUID.randomUUID(), line,
                new BigDecimal(amount), "INSURANCE", dos, Instant.now(), version));
    }

    private void adjustment(UUID entry, UUID account, String practice, UUID line, String kind, String entryType,
                            String amount, UUID reversalOf, long version) {
        event(EventTypes.ADJUSTMENT_POSTED, account, new AdjustmentPosted(entry, account, null, practice, kind, entryType,
                new BigDecimal(amount), "INSURANCE", null, line, "CO", "45", null, "REMITTANCE", null, reversalOf, TODAY,
                Instant.now(), version));
    }

    private void payment(UUID entry, UUID paymentId, UUID account, String practice, UUID line, String amount, long version) {
        event(EventTypes.PAYMENT_POSTED, account, new PaymentPosted(entry, paymentId, account, null, practice,
                new BigDecimal(amount), "PATIENT", "CARD", null, null, line, "PARTNER_PAYMENT", "ref", TODAY, Instant.now(),
                version));
    }

    private void event(String type, UUID subject, Object data) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        batch.add(EventJson.write(CloudEvent.of(id, "revcycle/test", type, Instant.now(), subject.toString(), data)));
    }
}
