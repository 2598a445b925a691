package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import dev.revcycle.testing.StrictInputContract;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input that is not what the API says is a 400/413/415/431 problem naming what is wrong, never stored. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class StrictInputTest {
    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        String practice = ServiceRequests.practice();
        String body = new ObjectMapper().writeValueAsString(ProviderResourceTest.body(practice, ProviderResourceTest.npi()));
        StrictInputContract.assertBodyWithoutContentTypeIs415("/providers", TestTokens.token("biller", practice), body);
    }

    @Test
    void anOversizedBodyIs413AndHugeHeaders431() {
        StrictInputContract.assertOversizedBodyIs413("/claims", TestTokens.token("biller"));
        StrictInputContract.assertHeadersTooLargeIs431("/claims");
    }

    @Test
    void pagingIsStrict() {
        StrictInputContract.assertPagingIsStrict("/claims", TestTokens.token("biller"));
        StrictInputContract.assertPagingIsStrict("/providers", TestTokens.token("biller"));
    }

    @Test
    void aValueOfTheWrongJsonTypeOrAnUnknownFieldIsRefused() {
        String practice = ServiceRequests.practice();
        Map<String, Object> body = ProviderResourceTest.body(practice, ProviderResourceTest.npi());
        body.put("entityType", 2);
        as("biller", practice).body(body).post("/providers").then().statusCode(400)
                .contentType("application/problem+json");
        body.put("entityType", "PERSON");
        body.put("color", "blue");
        as("biller", practice).body(body).post("/providers").then().statusCode(400);
        as("biller", practice).queryParam("practiceId", practice).get("/providers").then().body("total", equalTo(0));
    }
}
