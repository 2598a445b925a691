package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Placement picks exactly the eligible accounts, recall undoes it; the KPIs equal the seeded ledger; the work queue's order. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PlacementKpiWorkQueueTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Inject
    AgroalDataSource db;

    static void policyWithAgency(String practice) {
        as("admin", practice).body("{\"placementAfterDays\":120,\"minimumPlacementBalance\":50.00,"
                + "\"agency\":{\"name\":\"Midwest Recovery\",\"id\":\"MWR-0042\"}}").put("/practices/" + practice + "/policy")
                .then().statusCode(200);
    }

    static void dunning(Seed seed, UUID account, String practice, String level, LocalDate first) {
        seed.sql("""
                INSERT INTO account_dunning (account_id, practice_id, level, first_statement_on, last_statement_on,
                    last_statement_id, statements) VALUES (?, ?, ?, ?, ?, ?, 4)""", account, practice, level, first, first.plusDays(90),
                UUID.randomUUID());
    }

    @Test
    void placementPicksExactlyTheEligibleAccountsAndARecallReversesItsWriteOff() {
        Seed seed = new Seed(db);
        String practice = practice();
        policyWithAgency(practice);
        UUID eligible = seed.account(practice, "500.00", DAY.minusDays(200), "Eli", "Gible");
        dunning(seed, eligible, practice, "FINAL_NOTICE", DAY.minusDays(120));
        UUID tooRecent = seed.account(practice, "500.00", DAY.minusDays(200), "Too", "Recent");
        dunning(seed, tooRecent, practice, "FINAL_NOTICE", DAY.minusDays(119));
        UUID tooSmall = seed.account(practice, "49.99", DAY.minusDays(200), "Too", "Small");
        dunning(seed, tooSmall, practice, "FINAL_NOTICE", DAY.minusDays(200));
        UUID noFinal = seed.account(practice, "500.00", DAY.minusDays(200), "No", "Final");
        dunning(seed, noFinal, practice, "PAST_DUE", DAY.minusDays(200));
        UUID held = seed.account(practice, "500.00", DAY.minusDays(200), "Is", "Held");
        dunning(seed, held, practice, "FINAL_NOTICE", DAY.minusDays(200));
        seed.hold(held, practice, "ATTORNEY");
        try (TopicReader topic = new TopicReader(Topics.COLLECTIONS)) {
            JsonPath batch = as("collector", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"" + DAY + "\"}")
                    .post("/agency-placements").then().statusCode(201).extract().jsonPath();
            assertThat(batch.getInt("accounts")).isEqualTo(1);
            assertThat(batch.getString("agencyId")).isEqualTo("MWR-0042");
            TopicReader.Received placed = topic.awaitOne(TopicReader.ofType("AccountPlacedWithAgency", eligible.toString()));
            EventSchemas.assertValid("collections", placed.event());
            assertThat(placed.data().path("amount").decimalValue()).isEqualByComparingTo("500.00");
            TopicReader.Received badDebt = topic.awaitOne(TopicReader.ofType("WriteOffRequested", eligible.toString()));
            EventSchemas.assertValid("payments", badDebt.event());
            assertThat(badDebt.data().path("kind").asText()).isEqualTo("BAD_DEBT");
            for (UUID other : List.of(tooRecent, tooSmall, noFinal, held)) {
                assertThat(topic.drain(TopicReader.ofType("AccountPlacedWithAgency", other.toString()), java.time.Duration.ofMillis(200)))
                        .isEmpty();
            }
            String csv = as("collector", practice).get("/agency-placements/" + batch.getString("id") + "/file").then()
                    .statusCode(200).extract().asString();
            String[] lines = csv.split("\r\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("agency_id,client_id,placement_id,account_id");
            assertThat(lines[1]).startsWith("MWR-0042,MWR-0042,").contains(eligible.toString()).contains(",Gible,Eli,")
                    .contains(",500.00,");
            // the same date again: the first batch, nothing placed twice
            as("collector", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"" + DAY + "\"}")
                    .post("/agency-placements").then().statusCode(200);
            as("biller", practice).get("/agency-placements/" + batch.getString("id") + "/file").then().statusCode(403);
            as("collector", "other-practice").get("/agency-placements/" + batch.getString("id")).then().statusCode(404);

            JsonPath recall = as("collector", practice).body("{\"reason\":\"Patient disputes the balance\"}")
                    .post("/accounts/" + eligible + "/recall").then().statusCode(200).extract().jsonPath();
            TopicReader.Received recalled = topic.awaitOne(TopicReader.ofType("AccountRecalled", eligible.toString()));
            EventSchemas.assertValid("collections", recalled.event());
            TopicReader.Received reversal = topic.awaitOne(TopicReader.ofType("WriteOffReversalRequested", eligible.toString()));
            EventSchemas.assertValid("payments", reversal.event());
            assertThat(reversal.data().path("writeOffRequestId").asText()).isEqualTo(badDebt.data().path("requestId").asText());
            assertThat(recall.getString("writeOffReversalRequestId")).isEqualTo(reversal.data().path("requestId").asText());
            as("collector", practice).body("{\"reason\":\"again\"}").post("/accounts/" + eligible + "/recall").then().statusCode(409);
            as("collector", practice).body("{}").post("/accounts/" + eligible + "/recall").then().statusCode(400);
            as("collector", "other-practice").body("{\"reason\":\"x\"}").post("/accounts/" + eligible + "/recall").then()
                    .statusCode(404);
        }
        String none = practice();
        as("collector", none).body("{\"practiceId\":\"" + none + "\",\"asOf\":\"" + DAY + "\"}").post("/agency-placements")
                .then().statusCode(422);
        as("collector", none).body("{\"practiceId\":\"" + none + "\"}").post("/agency-placements").then().statusCode(400);
    }

    @Test
    void theKpisAreTheLedgersFigures() {
        Seed seed = new Seed(db);
        String practice = practice();
        // charge 200.00, insurance paid 60.00, contractual 20.00, 120.00 transferred to the patient
        seed.account(practice, "120.00", DAY.minusDays(60), "Kay", "Pi");
        seed.sql("""
                INSERT INTO aging_day (practice_id, service_date, accounts, patient_accounts, insurance_accounts, patient_balance,
                    insurance_balance) VALUES (?, ?, 1, 1, 0, 120.00, 0)""", practice, DAY.minusDays(60));
        JsonPath k = as("biller", practice).get("/kpis?practiceId=" + practice + "&from=" + DAY.minusDays(89) + "&to=" + DAY)
                .then().statusCode(200).extract().jsonPath();
        assertThat(k.getDouble("charges")).isEqualTo(200.0);
        assertThat(k.getDouble("payments")).isEqualTo(60.0);
        assertThat(k.getDouble("contractualAdjustments")).isEqualTo(20.0);
        assertThat(k.getDouble("grossCollectionRate")).isEqualTo(0.3);
        assertThat(k.getDouble("netCollectionRate")).isEqualTo(0.3333);
        assertThat(k.getDouble("targetCollectionRate")).isEqualTo(0.95);
        assertThat(k.getDouble("gapToTarget")).isEqualTo(0.6167);
        assertThat(k.getDouble("accountsReceivable")).isEqualTo(120.0);
        assertThat(k.getDouble("daysInAr")).isEqualTo(54.0);
        assertThat(k.getDouble("shareOfArOver90Days")).isEqualTo(0.0);
        as("biller", practice).get("/kpis?practiceId=" + practice + "&from=" + DAY + "&to=" + DAY.minusDays(1)).then().statusCode(400);
        as("biller", practice).get("/kpis?practiceId=" + practice + "&from=2026-02-30&to=" + DAY).then().statusCode(400);
        as("biller", practice).get("/kpis?practiceId=other-one&from=" + DAY + "&to=" + DAY).then().statusCode(404);
        JsonPath history = as("auditor", practice).get("/kpis/history?practiceId=" + practice + "&months=3").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("months")).hasSize(3);
        assertThat(history.getBoolean("months[0].kept")).isTrue();
        assertThat(history.getBoolean("months[2].kept")).isFalse();
        as("auditor", practice).get("/kpis/history?practiceId=" + practice + "&months=37").then().statusCode(400);
        as("registrar", practice).get("/kpis/history?practiceId=" + practice).then().statusCode(403);
    }

    @Test
    void theWorkQueueListsLapsedPlansAndBrokenPromisesFirstThenBalanceTimesAge() {
        Seed seed = new Seed(db);
        String practice = practice();
        UUID old = seed.account(practice, "100.00", DAY.minusDays(200), "Old", "Balance");
        UUID older = seed.account(practice, "300.00", DAY.minusDays(150), "Big", "Balance");
        UUID recent = seed.account(practice, "900.00", DAY.minusDays(60), "New", "Balance");
        UUID lapsed = seed.account(practice, "50.00", DAY.minusDays(30), "Lap", "Sed");
        seed.sql("""
                INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency, first_due_date,
                    installments, status, next_due_date, created_by, created_at, version)
                VALUES (?, ?, ?, 50.00, 25.00, 'MONTHLY', ?, 2, 'LAPSED', ?, 'test', now(), 2)""",
                UUID.randomUUID(), lapsed, practice, DAY.minusDays(40), DAY.minusDays(40));
        UUID broken = seed.account(practice, "20.00", DAY.minusDays(20), "Bro", "Ken");
        UUID promised = seed.account(practice, "5000.00", DAY.minusDays(300), "Pro", "Mised");
        seed.sql("UPDATE account SET promise_to_pay_until = ? WHERE id = ?", DAY.minusDays(2), broken);
        seed.sql("UPDATE account SET promise_to_pay_until = ? WHERE id = ?", DAY.plusDays(5), promised);
        for (UUID a : List.of(broken, promised)) {
            seed.sql("""
                    INSERT INTO account_note (id, account_id, practice_id, kind, text, follow_up_on, created_by, created_at)
                    VALUES (?, ?, ?, 'PROMISE_TO_PAY', 'will pay', ?, 'collector-7', now())""", UUID.randomUUID(), a, practice, DAY);
        }
        JsonPath q = as("collector", practice).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        List<String> order = q.getList("items.accountId");
        // tier 1 by balance × age (lapsed 50.00 × 30 before broken 20.00 × 20), then 300.00 × 150 before 100.00 × 200
        assertThat(order).containsExactly(lapsed.toString(), broken.toString(), older.toString(), old.toString());
        assertThat(q.getString("items[0].reason")).isEqualTo("LAPSED_PLAN");
        assertThat(q.getString("items[0].nextAction")).contains("renegotiate");
        assertThat(q.getString("items[1].reason")).isEqualTo("BROKEN_PROMISE");
        assertThat(q.getString("items[2].reason")).isEqualTo("OVER_90_DAYS");
        assertThat(order).doesNotContain(recent.toString(), promised.toString());
        JsonPath mine = as("collector", practice).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY + "&collector=collector-7")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.accountId")).containsExactly(broken.toString());
        as("collector", practice).get("/work-queue?practiceId=" + practice).then().statusCode(400);
        as("collector", practice).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY + "&size=201").then().statusCode(400);
        as("collector", practice).get("/work-queue?practiceId=other-one&asOf=" + DAY).then().statusCode(404);
    }
}
