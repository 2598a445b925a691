package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payment plans as a collector sees them: terms refused or agreed, payments counted through the ledger's events, lapses. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PaymentPlanResourceTest {
    static final LocalDate FIRST = LocalDate.now().plusDays(5);

    static String body(UUID account, String total, String installment, String frequency, LocalDate first) {
        return "{\"accountId\":\"" + account + "\",\"totalAmount\":" + total + ",\"installmentAmount\":" + installment
                + ",\"frequency\":\"" + frequency + "\",\"firstDueDate\":\"" + first + "\"}";
    }

    static JsonPath plan(String practice, UUID id) {
        return as("biller", practice).get("/payment-plans/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPlanCountsPaymentsToTheInstallmentDueLapsesWhenMissedAndIsRenegotiated() {
        String practice = practice();
        UUID account = Feeds.account(practice, "300.00", "0.00", LocalDate.now().minusDays(60));
        try (TopicReader topic = new TopicReader(Topics.COLLECTIONS)) {
            JsonPath created = as("collector", practice).body(body(account, "300.00", "100.00", "MONTHLY", FIRST))
                    .post("/payment-plans").then().statusCode(201).extract().jsonPath();
            UUID id = UUID.fromString(created.getString("id"));
            assertThat(created.getList("installments")).hasSize(3);
            assertThat(created.getString("installments[1].dueDate")).isEqualTo(FIRST.plusMonths(1).toString());
            assertThat(created.getString("status")).isEqualTo("ACTIVE");
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType("PaymentPlanCreated", account.toString()));
            EventSchemas.assertValid("collections", event.event());
            assertThat(event.data().path("installments").asInt()).isEqualTo(3);

            // a second plan while this one is in force
            as("collector", practice).body(body(account, "300.00", "100.00", "MONTHLY", FIRST)).post("/payment-plans")
                    .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("plan-in-force"));

            // 150.00 paid: the first installment and half the second; a reversal of 100.00 takes it back
            UUID payment = UUID.randomUUID();
            Feeds.payment(UUID.randomUUID(), payment, account, practice, null, "150.00", "PATIENT", LocalDate.now(), 2);
            Feeds.await("payment counted", () -> "150.00".equals(plan(practice, id).getString("paid").replace("150.0", "150.00")
                    .replace("150.000", "150.00")));
            JsonPath paid = plan(practice, id);
            assertThat(paid.getFloat("installments[0].paid")).isEqualTo(100.0f);
            assertThat(paid.getFloat("installments[1].paid")).isEqualTo(50.0f);
            assertThat(paid.getString("nextDueDate")).isEqualTo(FIRST.plusMonths(1).toString());
            // an agency's or insurance's payment does not count
            Feeds.payment(UUID.randomUUID(), UUID.randomUUID(), account, practice, null, "40.00", "INSURANCE", LocalDate.now(), 3);
            Feeds.paymentReversed(payment, account, practice, "100.00", LocalDate.now(), 4);
            Feeds.await("reversal counted", () -> plan(practice, id).getFloat("paid") == 50.0f);

            // within the grace period (10 days): nothing; the day after: LAPSED, PaymentPlanLapsed
            as("collector", practice).body("{\"asOf\":\"" + FIRST.plusDays(10) + "\"}").post("/payment-plans/lapse-check")
                    .then().statusCode(200).body("lapsed", equalTo(0));
            as("collector", practice).body("{\"asOf\":\"" + FIRST.plusDays(11) + "\"}").post("/payment-plans/lapse-check")
                    .then().statusCode(200).body("lapsed", equalTo(1));
            assertThat(plan(practice, id).getString("status")).isEqualTo("LAPSED");
            TopicReader.Received lapsed = topic.awaitOne(TopicReader.ofType("PaymentPlanLapsed", account.toString()));
            EventSchemas.assertValid("collections", lapsed.event());
            assertThat(lapsed.data().path("missedInstallment").asInt()).isEqualTo(1);
            assertThat(lapsed.data().path("amountInArrears").decimalValue()).isEqualByComparingTo("50.00");
            // again: nothing more
            as("collector", practice).body("{\"asOf\":\"" + FIRST.plusDays(12) + "\"}").post("/payment-plans/lapse-check")
                    .then().statusCode(200).body("lapsed", equalTo(0));

            JsonPath renewed = as("collector", practice).body("{\"totalAmount\":250.00,\"installmentAmount\":50.00,"
                    + "\"frequency\":\"BIWEEKLY\",\"firstDueDate\":\"" + FIRST + "\"}").post("/payment-plans/" + id + "/renegotiate")
                    .then().statusCode(201).extract().jsonPath();
            assertThat(renewed.getString("renegotiatedFrom")).isEqualTo(id.toString());
            assertThat(renewed.getString("installments[1].dueDate")).isEqualTo(FIRST.plusDays(14).toString());
            assertThat(plan(practice, id).getString("status")).isEqualTo("RENEGOTIATED");
            // an active plan cannot be renegotiated
            as("collector", practice).body("{\"totalAmount\":250.00,\"installmentAmount\":50.00,\"frequency\":\"MONTHLY\","
                    + "\"firstDueDate\":\"" + FIRST + "\"}").post("/payment-plans/" + renewed.getString("id") + "/renegotiate")
                    .then().statusCode(409);
            // paid off: COMPLETED
            UUID renewedId = UUID.fromString(renewed.getString("id"));
            Feeds.payment(UUID.randomUUID(), UUID.randomUUID(), account, practice, null, "250.00", "PATIENT", LocalDate.now(), 5);
            Feeds.await("completed", () -> "COMPLETED".equals(plan(practice, renewedId).getString("status")));
        }
    }

    @Test
    void plansThatNeverFinishFallUnderTheMinimumOrAreMalformedAreRefused() {
        String practice = practice();
        UUID account = Feeds.account(practice, "10000.00", "0.00", LocalDate.now().minusDays(60));
        as("collector", practice).body(body(account, "10000.00", "25.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("plan-refused"));
        as("collector", practice).body(body(account, "1000.00", "10.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(422);
        as("collector", practice).body(body(account, "20000.00", "1000.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(422);
        as("collector", practice).body(body(account, "1000.00", "0", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(400);
        as("collector", practice).body(body(account, "1000.00", "100.00", "WEEKLY", FIRST)).post("/payment-plans")
                .then().statusCode(400);
        as("collector", practice).body(body(account, "1000.005", "100.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(400);
        as("collector", practice).body(body(account, "1000.00", "100.00", "MONTHLY", LocalDate.now().minusDays(1)))
                .post("/payment-plans").then().statusCode(422);
        as("collector", practice).body("{}").post("/payment-plans").then().statusCode(400);
        as("collector", practice).body(body(UUID.randomUUID(), "100.00", "50.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(404);
        as("collector", "another-one").body(body(account, "1000.00", "100.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(404);
        as("biller", practice).body(body(account, "1000.00", "100.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(403);
        as("collector", practice).body("{}").post("/payment-plans/lapse-check").then().statusCode(400);
        as("collector", practice).get("/payment-plans/" + UUID.randomUUID()).then().statusCode(404);
        String id = as("collector", practice).body(body(account, "1000.00", "100.00", "MONTHLY", FIRST)).post("/payment-plans")
                .then().statusCode(201).extract().path("id");
        as("auditor", "another-one").get("/payment-plans/" + id).then().statusCode(404);
    }
}
