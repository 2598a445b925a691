package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class NotesResourceTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void notesAreListedNewestFirstAndAPromiseToPayWaitsUntilItsDay() {
        String p = practice();
        UUID account = Feeds.account(p, "150.00", "0.00", TODAY.minusDays(50));
        String path = "/accounts/" + account + "/notes";
        as("collector", p).body("{\"kind\":\"CALL\",\"text\":\"asked for an itemised statement\"}").post(path).then()
                .statusCode(201).body("kind", equalTo("CALL")).body("createdBy", equalTo("test-collector"));
        as("collector", p).body("{\"kind\":\"INQUIRY\",\"text\":\"insurance question\",\"followUpOn\":\"" + TODAY.plusDays(3) + "\"}")
                .post(path).then().statusCode(201);
        as("admin", p).body("{\"kind\":\"PROMISE_TO_PAY\",\"text\":\"will pay on payday\",\"followUpOn\":\""
                + TODAY.plusDays(10) + "\",\"promisedAmount\":50.00}").post(path).then().statusCode(201)
                .body("promisedAmount", equalTo(50.0f));
        as("biller", p).get(path + "?size=2").then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items[0].kind", equalTo("PROMISE_TO_PAY")).body("items[1].kind", equalTo("INQUIRY"));
        as("auditor", p).get(path + "?page=1&size=2").then().body("items", hasSize(1)).body("items[0].kind", equalTo("CALL"));
        as("collector", p).get("/accounts/" + account + "/collection-status").then()
                .body("promiseToPay.until", equalTo(TODAY.plusDays(10).toString())).body("promiseToPay.amount", equalTo(50.0f))
                .body("promiseToPay.current", equalTo(true)).body("nextAction.action", equalTo("WAIT_FOR_PROMISE"));
        as("collector", p).get("/accounts/" + account + "/collection-status?asOf=" + TODAY.plusDays(11)).then()
                .body("promiseToPay.current", equalTo(false)).body("nextAction.action", equalTo("SEND_STATEMENT"));
        org.assertj.core.api.Assertions.assertThat(Feeds.textOf(
                "SELECT promise_to_pay_until::text FROM account WHERE id = ?", account)).isEqualTo(TODAY.plusDays(10).toString());
    }

    @Test
    void badNotesAre400AndNothingIsWritten() {
        String p = practice();
        UUID account = Feeds.account(p, "10.00", "0.00", TODAY);
        String path = "/accounts/" + account + "/notes";
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"PROMISE_TO_PAY\",\"text\":\"soon\"}").post(path),
                "followUpOn", "required for a promise");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"FAX\",\"text\":\" \"}").post(path), "kind", "one of");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"CALL\",\"text\":\" \"}").post(path), "text", "required");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"CALL\",\"text\":\"" + "x".repeat(4001) + "\"}")
                .post(path), "text", "4000");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"CALL\",\"text\":\"x\",\"followUpOn\":\""
                + TODAY.minusDays(1) + "\"}").post(path), "followUpOn", "today or later");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"CALL\",\"text\":\"x\",\"promisedAmount\":5}")
                .post(path), "promisedAmount", "only for a promise");
        ProblemAssertions.assertFieldRefused(as("collector", p).body("{\"kind\":\"PROMISE_TO_PAY\",\"text\":\"x\",\"followUpOn\":\""
                + TODAY + "\",\"promisedAmount\":1.234}").post(path), "promisedAmount", "two decimals");
        as("collector", p).get(path).then().body("total", equalTo(0));
        as("collector", p).get(path + "?size=201").then().statusCode(400);
    }

    @Test
    void rolesAndAnotherPractice() {
        String p = practice();
        UUID account = Feeds.account(p, "10.00", "0.00", TODAY);
        String path = "/accounts/" + account + "/notes";
        as("biller", p).body("{\"kind\":\"CALL\",\"text\":\"x\"}").post(path).then().statusCode(403);
        as("registrar", p).get(path).then().statusCode(403);
        as("collector", "other").body("{\"kind\":\"CALL\",\"text\":\"x\"}").post(path).then().statusCode(404);
        as("auditor", "other").get(path).then().statusCode(404);
    }
}
