package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.StrictInputContract;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StrictInputTest {
    @Test
    void aNumberAsAStringOrAnUnknownFieldIsA400() {
        as("collector", "p1").body("{\"statementCycleDays\":30,\"tip\":1}").put("/practices/p1/policy").then().statusCode(400);
        as("collector", "p1").body("{\"smallBalanceThreshold\":\"5.00\"}").put("/practices/p1/policy").then().statusCode(400);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        StrictInputContract.assertBodyWithoutContentTypeIs415("/appointment-alerts", TestTokens.token("registrar", "p1"), "{\"practiceId\":\"p1\"}");
    }

    @Test
    void aBodyOverTheLimitIs413AsAProblem() {
        StrictInputContract.assertOversizedBodyIs413("/appointment-alerts", TestTokens.token("registrar", "p1"));
    }

    @Test
    void pagingIsStrict() {
        String p = "strict-" + UUID.randomUUID().toString().substring(0, 6);
        UUID account = Feeds.account(p, "1.00", "0.00", LocalDate.now());
        StrictInputContract.assertPagingIsStrict("/accounts/" + account + "/notes", TestTokens.token("collector", p));
    }
}
