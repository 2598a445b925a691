package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class AppointmentAlertsTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void theFrontDeskSeesPastDueBalancesAndHoldsWithTheAmountToAsk() {
        String p = practice();
        UUID pastDue = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID bankrupt = UUID.randomUUID();
        UUID returnedMail = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Feeds.balanceApplied(UUID.randomUUID(), pastDue, p, "85.00", "0.00", TODAY.minusDays(45), 1);
        Feeds.balanceApplied(UUID.randomUUID(), recent, p, "20.00", "0.00", TODAY.minusDays(5), 1);
        UUID bankruptAccount = UUID.randomUUID();
        Feeds.balanceApplied(bankruptAccount, bankrupt, p, "300.00", "0.00", TODAY.minusDays(90), 1);
        UUID mailAccount = UUID.randomUUID();
        Feeds.balanceApplied(mailAccount, returnedMail, p, "40.00", "0.00", TODAY.minusDays(60), 1);
        as("collector", p).body("{\"type\":\"BANKRUPTCY\",\"bankruptcy\":{\"chapter\":13,\"caseNumber\":\"26-1\",\"filingDate\":\""
                + TODAY.minusDays(1) + "\"}}").post("/accounts/" + bankruptAccount + "/holds").then().statusCode(201);
        as("collector", p).body("{\"type\":\"RETURNED_MAIL\"}").post("/accounts/" + mailAccount + "/holds").then().statusCode(201);

        JsonPath answer = as("registrar", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":["
                + "{\"patientId\":\"" + pastDue + "\",\"date\":\"" + TODAY + "\"},"
                + "{\"patientId\":\"" + recent + "\",\"date\":\"" + TODAY + "\"},"
                + "{\"patientId\":\"" + bankrupt + "\",\"date\":\"" + TODAY.plusDays(1) + "\"},"
                + "{\"patientId\":\"" + returnedMail + "\",\"date\":\"" + TODAY + "\"},"
                + "{\"patientId\":\"" + unknown + "\",\"date\":\"" + TODAY + "\"}]}")
                .post("/appointment-alerts").then().statusCode(200).body("appointments", equalTo(5))
                .body("alerts", hasSize(3)).extract().jsonPath();
        assertThat(answer.getString("alerts.find { it.patientId == '" + pastDue + "' }.alerts[0].type")).isEqualTo("PAST_DUE_BALANCE");
        assertThat(answer.getString("alerts.find { it.patientId == '" + pastDue + "' }.amountToAsk")).isEqualTo("85.0");
        assertThat(answer.getString("alerts.find { it.patientId == '" + bankrupt + "' }.alerts[0].holdType")).isEqualTo("BANKRUPTCY");
        assertThat(answer.getString("alerts.find { it.patientId == '" + bankrupt + "' }.amountToAsk")).isEqualTo("0.0");
        // returned mail: confirm the address, and the past-due balance is still asked
        assertThat(answer.getList("alerts.find { it.patientId == '" + returnedMail + "' }.alerts.type"))
                .containsExactly("HOLD", "PAST_DUE_BALANCE");
        assertThat(answer.getString("alerts.find { it.patientId == '" + returnedMail + "' }.amountToAsk")).isEqualTo("40.0");
        assertThat(answer.getString("alerts.find { it.patientId == '" + recent + "' }")).isNull();
    }

    @Test
    void badListsAre400AndOnlyTheTokensPracticesAnswer() {
        String p = practice();
        ProblemAssertions.assertFieldRefused(as("registrar", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":[]}")
                .post("/appointment-alerts"), "appointments", "1 to 500");
        ProblemAssertions.assertFieldRefused(as("registrar", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":[{\"date\":\""
                + TODAY.minusDays(5) + "\"}]}").post("/appointment-alerts"), "appointments[0].date", "yesterday");
        ProblemAssertions.assertFieldRefused(as("registrar", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":[{\"date\":\""
                + TODAY + "\"}]}").post("/appointment-alerts"), "appointments[0].patientId", "required");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("{\"patientId\":\"").append(UUID.randomUUID()).append("\",\"date\":\"")
                    .append(TODAY).append("\"}");
        }
        ProblemAssertions.assertFieldRefused(as("registrar", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":[" + many + "]}")
                .post("/appointment-alerts"), "appointments", "at most 500");
        ProblemAssertions.assertFieldRefused(as("registrar", p).body("{\"appointments\":[{\"patientId\":\"" + UUID.randomUUID()
                + "\",\"date\":\"" + TODAY + "\"}]}").post("/appointment-alerts"), "practiceId", "required");
        as("registrar", "other").body("{\"practiceId\":\"" + p + "\",\"appointments\":[{\"patientId\":\"" + UUID.randomUUID()
                + "\",\"date\":\"" + TODAY + "\"}]}").post("/appointment-alerts").then().statusCode(404);
        as("poster", p).body("{\"practiceId\":\"" + p + "\",\"appointments\":[]}").post("/appointment-alerts").then().statusCode(403);
        // a registrar reads alerts only
        as("registrar", p).get("/practices/" + p + "/policy").then().statusCode(403);
    }
}
