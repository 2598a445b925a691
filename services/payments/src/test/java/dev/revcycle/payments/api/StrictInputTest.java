package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.StrictInputContract;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StrictInputTest {
    static final String BODY = "{\"practiceId\":\"p1\",\"accountId\":\"" + UUID.randomUUID()
            + "\",\"amount\":5.00,\"method\":\"CARD\",\"reference\":\"x\",\"receivedAt\":\"2026-10-06T10:00:00Z\"";

    @Test
    void anAmountAsAStringOrAnUnknownFieldIsA400() {
        as("poster", "p1").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(BODY.replace("5.00", "\"5.00\"") + "}").post("/payments").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        as("poster", "p1").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(BODY + ",\"tip\":1}").post("/payments").then().statusCode(400);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        StrictInputContract.assertBodyWithoutContentTypeIs415("/refunds", TestTokens.token("poster", "p1"), BODY + "}");
    }

    @Test
    void aBodyOverTheLimitIs413AsAProblem() {
        StrictInputContract.assertOversizedBodyIs413("/adjustments", TestTokens.token("poster", "p1"));
    }

    @Test
    void pagingIsStrict() {
        StrictInputContract.assertPagingIsStrict("/credit-balances?practiceId=p1", TestTokens.token("poster", "p1"));
    }
}
