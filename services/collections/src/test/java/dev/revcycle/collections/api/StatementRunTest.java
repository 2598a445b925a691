package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Statement runs as a collector sees them: who gets a statement, at which level, the counts, the PDFs, the events. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StatementRunTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Inject
    AgroalDataSource db;

    static JsonPath run(String practice, LocalDate asOf, int status) {
        return as("collector", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"" + asOf + "\"}")
                .post("/statement-runs").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aRunStatesTheDueAccountsSkipsTheRestAndWritesOffSmallBalancesOnce() throws IOException {
        Seed seed = new Seed(db);
        String practice = practice();
        UUID due = seed.account(practice, "120.00", DAY.minusDays(60), "Ana María", "López");
        UUID small = seed.account(practice, "3.00", DAY.minusDays(60), "Sam", "Small");
        UUID held = seed.account(practice, "300.00", DAY.minusDays(60), "Hal", "Held");
        seed.hold(held, practice, "DISPUTE");
        UUID returned = seed.account(practice, "300.00", DAY.minusDays(60), "Ret", "Urned");
        seed.undeliverable(returned);
        UUID zero = seed.account(practice, "0.00", DAY.minusDays(60), "Zed", "Zero");
        try (TopicReader topic = new TopicReader(Topics.COLLECTIONS)) {
            JsonPath first = run(practice, DAY, 201);
            assertThat(first.getInt("counts.ISSUED")).isEqualTo(1);
            assertThat(first.getInt("counts.SMALL_BALANCE_WRITE_OFF")).isEqualTo(1);
            assertThat(first.getInt("counts.SKIPPED_HOLD")).isEqualTo(1);
            assertThat(first.getInt("counts.SKIPPED_UNDELIVERABLE")).isEqualTo(1);
            assertThat(first.getString("status")).isEqualTo("COMPLETE");
            assertThat(first.getString("amountDue")).isEqualTo("120.0");

            TopicReader.Received issued = topic.awaitOne(TopicReader.ofType("StatementIssued", due.toString()));
            EventSchemas.assertValid("collections", issued.event());
            assertThat(issued.data().path("level").asText()).isEqualTo("STATEMENT");
            assertThat(issued.data().path("dueDate").asText()).isEqualTo("2026-12-22");
            assertThat(issued.raw()).doesNotContain("López").doesNotContain("Main St");
            TopicReader.Received writeOff = topic.awaitOne(TopicReader.ofType("WriteOffRequested", small.toString()));
            EventSchemas.assertValid("payments", writeOff.event());
            assertThat(writeOff.data().path("kind").asText()).isEqualTo("SMALL_BALANCE");
            assertThat(writeOff.data().path("amount").decimalValue()).isEqualByComparingTo("3.00");

            // the same practice and date again: the first run, nothing issued twice
            JsonPath again = run(practice, DAY, 200);
            assertThat(again.getString("id")).isEqualTo(first.getString("id"));
            assertThat(again.getInt("counts.ISSUED")).isEqualTo(1);
            // a cycle later: the next level; the same small balance is not written off again
            JsonPath next = run(practice, DAY.plusDays(30), 201);
            assertThat(next.getInt("counts.ISSUED")).isEqualTo(1);
            assertThat(next.getInt("counts.SMALL_BALANCE_WRITE_OFF")).isZero();
            List<TopicReader.Received> statements = topic.drain(TopicReader.ofType("StatementIssued", due.toString()),
                    Duration.ofSeconds(3));
            assertThat(statements).extracting(r -> r.data().path("level").asText()).containsExactly("STATEMENT", "REMINDER");
            assertThat(statements.get(1).data().path("version").asLong()).isEqualTo(2);
            assertThat(topic.drain(TopicReader.ofType("WriteOffRequested", small.toString()), Duration.ofSeconds(1))).hasSize(1);
            // a run 10 days later: nobody is due yet
            JsonPath early = run(practice, DAY.plusDays(40), 201);
            assertThat(early.getInt("counts.ISSUED")).isZero();
            assertThat(zero).isNotNull();

            String statementId = issued.data().path("statementId").asText();
            JsonPath statement = as("biller", practice).get("/statements/" + statementId).then().statusCode(200).extract().jsonPath();
            assertThat(statement.getString("name")).isEqualTo("Ana María López");
            assertThat(statement.getString("dueDate")).isEqualTo("2026-12-22");
            assertThat(statement.getString("level")).isEqualTo("STATEMENT");
            assertThat(statement.getString("message")).contains("amount due");
            assertThat(statement.getList("address")).containsExactly("12 Main St", "Springfield, IL 62701-1234");
            assertThat(statement.getList("lines")).hasSize(1);
            assertThat(statement.getString("lines[0].charges")).isEqualTo("200.0");
            assertThat(statement.getString("lines[0].insurancePaid")).isEqualTo("60.0");
            assertThat(statement.getString("lines[0].adjustments")).isEqualTo("20.0");
            assertThat(statement.getString("lines[0].balance")).isEqualTo("120.0");

            byte[] pdf = as("auditor", practice).get("/statements/" + statementId + "/pdf").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            try (PDDocument d = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(d);
                assertThat(text).contains("Ana Maria Lopez").contains("Amount due: $120.00").contains("12/22/2026");
            }
            byte[] runPdf = as("collector", practice).get("/statement-runs/" + next.getString("id") + "/pdf").then()
                    .statusCode(200).extract().asByteArray();
            try (PDDocument d = Loader.loadPDF(runPdf)) {
                assertThat(d.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(d)).contains("Reminder")
                        .contains("Amount due: $120.00");
            }
            as("biller", practice).get("/statement-runs/" + first.getString("id")).then().statusCode(200)
                    .body("counts.ISSUED", equalTo(1));
        }
    }

    @Test
    void plansAndPlacementsSkipTheAccount() {
        Seed seed = new Seed(db);
        String practice = practice();
        UUID onPlan = seed.account(practice, "500.00", DAY.minusDays(60), "Pat", "Plan");
        seed.sql("""
                INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency, first_due_date,
                    installments, status, next_due_date, created_by, created_at, version)
                VALUES (?, ?, ?, 500.00, 100.00, 'MONTHLY', ?, 5, 'ACTIVE', ?, 'test', now(), 1)""",
                UUID.randomUUID(), onPlan, practice, DAY, DAY);
        JsonPath run = run(practice, DAY, 201);
        assertThat(run.getInt("counts.SKIPPED_PLAN")).isEqualTo(1);
        assertThat(run.getInt("counts.ISSUED")).isZero();
    }

    @Test
    void badInputRolesAndOtherPractices() {
        String practice = practice();
        as("collector", practice).body("{\"practiceId\":\"" + practice + "\"}").post("/statement-runs").then().statusCode(400);
        as("collector", practice).body("{\"asOf\":\"2026-12-01\"}").post("/statement-runs").then().statusCode(400);
        as("collector", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"2026-13-01\"}").post("/statement-runs")
                .then().statusCode(400);
        as("collector", practice).body("{\"practiceId\":\"other-one\",\"asOf\":\"2026-12-01\"}").post("/statement-runs")
                .then().statusCode(404);
        as("biller", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"2026-12-01\"}").post("/statement-runs")
                .then().statusCode(403);
        String id = run(practice, DAY, 201).getString("id");
        as("collector", "someone-else").get("/statement-runs/" + id).then().statusCode(404);
        as("collector", "someone-else").get("/statement-runs/" + id + "/pdf").then().statusCode(404);
        as("collector", practice).get("/statements/" + UUID.randomUUID()).then().statusCode(404);
        as("collector", practice).get("/statements/not-a-uuid").then().statusCode(404);
        as("registrar", practice).get("/statement-runs/" + id).then().statusCode(403);
    }
}
