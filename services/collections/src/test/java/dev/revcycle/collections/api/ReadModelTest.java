package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read model through the real broker: payments' balances and movements, patients' demographics, deaths,
 * returned mail and merges; redelivered and overtaken events change nothing.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ReadModelTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void balancesApplyByVersionAndNeverMoveBackwards() {
        String p = practice();
        UUID account = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Feeds.balanceApplied(account, patient, p, "0.00", "0.00", null, 1);
        Feeds.balanceApplied(account, patient, p, "0.00", "300.00", TODAY.minusDays(40), 2);
        Feeds.balanceApplied(account, patient, p, "80.00", "0.00", TODAY.minusDays(40), 4);
        String raw = Feeds.lastRaw();
        // version 3 arrives late; version 4 is redelivered (same event id): nothing moves
        String late = Feeds.balance(account, patient, p, "0.00", "999.00", TODAY.minusDays(5), 3);
        Feeds.redeliver(Topics.PAYMENTS, account.toString(), raw);
        Feeds.consumed(late);
        as("collector", p).get("/accounts/" + account + "/collection-status").then().statusCode(200)
                .body("patientBalance", equalTo(80.0f)).body("insuranceBalance", equalTo(0.0f))
                .body("balanceVersion", equalTo(4)).body("bucket", equalTo("31-60")).body("daysOld", equalTo(40))
                .body("nextAction.action", equalTo("SEND_STATEMENT"));
        assertThat(Feeds.textOf("SELECT outcome FROM inbox_event WHERE event_id = ?::text", UUID.fromString(late)))
                .isEqualTo("stale");
        // the practice's aging holds the account once, at its latest balances
        as("biller", p).get("/aging?practiceId=" + p).then().statusCode(200)
                .body("totals.accounts", equalTo(1)).body("totals.patientBalance", equalTo(80.0f))
                .body("totals.insuranceBalance", equalTo(0.0f))
                .body("buckets.find { it.bucket == '31-60' }.patientAccounts", equalTo(1));
    }

    @Test
    void movementsAreKeptOnceWithTheirDateOfServiceAndEffects() {
        String p = practice();
        UUID account = Feeds.account(p, "0.00", "0.00", null);
        UUID line = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        UUID contractual = UUID.randomUUID();
        UUID transfer = UUID.randomUUID();
        UUID reversal = UUID.randomUUID();
        LocalDate dos = TODAY.minusDays(70);
        Feeds.charge(charge, account, p, line, "200.00", "INSURANCE", dos, 2);
        Feeds.adjustment(contractual, account, p, line, "CONTRACTUAL", "ADJUSTMENT", "50.00", "INSURANCE", null, TODAY.minusDays(20), 3);
        Feeds.adjustment(transfer, account, p, line, "TRANSFER", "TRANSFER", "30.00", "PATIENT", null, TODAY.minusDays(20), 3);
        Feeds.payment(payment, paymentId, account, p, line, "30.00", "PATIENT", TODAY.minusDays(2), 4);
        String again = Feeds.lastRaw();
        Feeds.adjustment(reversal, account, p, line, "REVERSAL", "REVERSAL", "50.00", "INSURANCE", contractual, TODAY.minusDays(1), 5);
        Feeds.paymentReversed(paymentId, account, p, "30.00", TODAY, 6);
        UUID writeOff = UUID.randomUUID();
        Feeds.adjustment(writeOff, account, p, line, "WRITE_OFF", "WRITE_OFF", "4.00", "PATIENT", null, TODAY, 7);
        Feeds.redeliver(Topics.PAYMENTS, account.toString(), again);
        // the same payment entry under another event id (a replay) is kept once too
        String replay = Feeds.payment(payment, paymentId, account, p, line, "30.00", "PATIENT", TODAY.minusDays(2), 4);
        Feeds.consumed(replay);
        assertThat(Feeds.longOf("SELECT count(*) FROM movement WHERE account_id = ?", account)).isEqualTo(7);
        // a small-balance write-off (reason code SMALL_BALANCE, as payments posts it) is kept like any movement
        assertThat(Feeds.textOf("SELECT reason_code || ' ' || patient_effect::text FROM movement WHERE id = ?", writeOff))
                .isEqualTo("SMALL_BALANCE -4.00");
        assertThat(Feeds.textOf("SELECT service_date::text FROM movement WHERE id = ?", payment)).isEqualTo(dos.toString());
        assertThat(Feeds.textOf("SELECT patient_effect::text || '/' || insurance_effect::text FROM movement WHERE id = ?", payment))
                .isEqualTo("-30.00/0.00");
        assertThat(Feeds.textOf("SELECT patient_effect::text || '/' || insurance_effect::text FROM movement WHERE id = ?", transfer))
                .isEqualTo("30.00/-30.00");
        // a reversal takes its original's effect, negated
        assertThat(Feeds.textOf("SELECT insurance_effect::text FROM movement WHERE id = ?", reversal)).isEqualTo("50.00");
        assertThat(Feeds.textOf("SELECT sum(insurance_effect)::text || '/' || sum(patient_effect)::text FROM movement "
                + "WHERE account_id = ?", account)).isEqualTo("170.00/26.00");
        // the practice's days (kpi_day, kept by the consumer, the redelivery and the replay counted once) are the
        // movements' sums, and the KPIs read from them are the ledger's figures
        String perDay = "SELECT string_agg(day || ' ' || charges || ' ' || payments || ' ' || payment_reversals || ' ' || adjustments"
                + " || ' ' || contractual || ' ' || balance_effect || ' ' || movements, ', ' ORDER BY day) FROM ";
        assertThat(Feeds.textOf(perDay + "kpi_day WHERE practice_id = (SELECT practice_id FROM account WHERE id = ?)", account))
                .isEqualTo(Feeds.textOf(perDay + """
                        (SELECT effective_date AS day,
                            COALESCE(SUM(amount) FILTER (WHERE type = 'CHARGE'), 0.00) AS charges,
                            COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT'), 0.00) AS payments,
                            COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT_REVERSAL'), 0.00) AS payment_reversals,
                            COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND entry_type NOT IN ('TRANSFER', 'REVERSAL')), 0.00)
                                AS adjustments,
                            COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL'), 0.00) AS contractual,
                            SUM(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)) AS balance_effect, count(*) AS movements
                         FROM movement WHERE account_id = ? GROUP BY effective_date) m""", account));
        as("biller", p).get("/kpis?practiceId=" + p + "&from=" + dos + "&to=" + TODAY).then().statusCode(200)
                .body("charges", equalTo(200.0f)).body("payments", equalTo(0.0f)).body("adjustments", equalTo(54.0f))
                .body("contractualAdjustments", equalTo(50.0f));
    }

    @Test
    void aDeathOpensAProbateHoldOnceAndAnAccountThatAppearsLaterIsHeldToo() {
        String p = practice();
        UUID patient = UUID.randomUUID();
        Feeds.registered(patient, p, false);
        UUID account = UUID.randomUUID();
        Feeds.balanceApplied(account, patient, p, "0.00", "0.00", null, 1);
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            String death = Feeds.deceased(patient, p, TODAY.minusDays(3), 2);
            String raw = Feeds.lastRaw();
            Feeds.consumed(death);
            Feeds.redeliver(Topics.PATIENTS, patient.toString(), raw);
            Feeds.deceased(patient, p, TODAY.minusDays(3), 2);  // a replay under a new id: stale
            TopicReader.Received placed = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, account.toString()));
            EventSchemas.assertValid("collections", placed.event());
            assertThat(placed.data().path("type").asText()).isEqualTo("PROBATE");
            assertThat(placed.data().path("automatic").asBoolean()).isTrue();
            assertThat(placed.key()).isEqualTo(account.toString());
            // an account that appears after the death is held at once (a zero balance too)
            UUID later = UUID.randomUUID();
            Feeds.balanceApplied(later, patient, p, "0.00", "0.00", null, 1);
            out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, later.toString()));
            assertThat(out.drain(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, account.toString()),
                    java.time.Duration.ofSeconds(2))).hasSize(1);
        }
        as("collector", p).get("/accounts/" + account + "/holds").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].type", equalTo("PROBATE")).body("[0].status", equalTo("ACTIVE"));
        as("collector", p).get("/accounts/" + account + "/collection-status").then().statusCode(200)
                .body("deceased", equalTo(true)).body("nextAction.action", equalTo("HOLD"));
    }

    @Test
    void returnedMailHoldsTheAccountUntilTheAddressIsCorrected() {
        String p = practice();
        UUID patient = UUID.randomUUID();
        Feeds.registered(patient, p, false);
        UUID account = UUID.randomUUID();
        Feeds.balanceApplied(account, patient, p, "45.00", "0.00", TODAY.minusDays(10), 1);
        try (TopicReader out = new TopicReader(Topics.COLLECTIONS)) {
            Feeds.consumed(Feeds.undeliverable(patient, p, 2));
            out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_PLACED, account.toString()));
            as("collector", p).get("/accounts/" + account + "/collection-status").then()
                    .body("addressUndeliverable", equalTo(true)).body("holds[0].type", equalTo("RETURNED_MAIL"));
            // an older correction (version 2) is stale; the real one closes the hold
            Feeds.consumed(Feeds.corrected(patient, p, 2));
            as("collector", p).get("/accounts/" + account + "/collection-status").then().body("holds", hasSize(1));
            Feeds.consumed(Feeds.corrected(patient, p, 3));
            TopicReader.Received released = out.awaitOne(TopicReader.ofType(EventTypes.COLLECTION_HOLD_RELEASED, account.toString()));
            EventSchemas.assertValid("collections", released.event());
            assertThat(released.data().path("reason").asText()).isEqualTo("ADDRESS_CORRECTED");
            assertThat(released.data().path("version").asLong()).isEqualTo(2);
        }
        as("collector", p).get("/accounts/" + account + "/collection-status").then()
                .body("addressUndeliverable", equalTo(false)).body("holds", hasSize(0))
                .body("nextAction.action", equalTo("SEND_STATEMENT"));
        as("collector", p).get("/accounts/" + account + "/holds").then()
                .body("[0].status", equalTo("RELEASED")).body("[0].releaseReason", equalTo("ADDRESS_CORRECTED"));
    }

    @Test
    void aMergeMovesTheDuplicatesOpenHoldsToTheSurvivorsAccount() {
        String p = practice();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Feeds.registered(survivor, p, false);
        Feeds.registered(duplicate, p, true);  // returned mail at registration: held once its account appears
        UUID survivorAccount = UUID.randomUUID();
        UUID duplicateAccount = UUID.randomUUID();
        Feeds.balanceApplied(survivorAccount, survivor, p, "0.00", "0.00", null, 1);
        Feeds.balanceApplied(duplicateAccount, duplicate, p, "25.00", "0.00", TODAY.minusDays(5), 1);
        Feeds.await("the duplicate's returned-mail hold",
                () -> Feeds.longOf("SELECT count(*) FROM collection_hold WHERE account_id = ?", duplicateAccount) == 1);
        Feeds.consumed(Feeds.merged(survivor, duplicate, p, 2, 2));
        as("collector", p).get("/accounts/" + survivorAccount + "/holds").then().body("$", hasSize(1))
                .body("[0].type", equalTo("RETURNED_MAIL"));
        as("collector", p).get("/accounts/" + duplicateAccount + "/collection-status").then()
                .body("mergedInto", equalTo(survivorAccount.toString())).body("nextAction.action", equalTo("NONE"));
    }

    @Test
    void aDeathOfAPatientNeverRegisteredHereStillHoldsTheAccount() {
        String p = practice();
        UUID patient = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        Feeds.balanceApplied(account, patient, p, "10.00", "0.00", TODAY.minusDays(3), 1);
        // the registration is older than what the topic keeps: the death applies without it
        Feeds.consumed(Feeds.deceased(patient, p, TODAY.minusDays(1), 7));
        Feeds.await("the probate hold", () -> Feeds.longOf(
                "SELECT count(*) FROM collection_hold WHERE account_id = ? AND type = 'PROBATE'", account) == 1);
        as("auditor", p).get("/accounts/" + account + "/collection-status").then().body("deceased", equalTo(true));
    }
}
