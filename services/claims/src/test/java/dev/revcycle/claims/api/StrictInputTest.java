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
        StrictInputContract.assertPagingIsStrict("/providers", TestTokens.token("biller"));
        // the claims queue is paged by cursor: size as every list, page refused (never page 0 silently), a bad after
        String practice = ServiceRequests.practice();
        for (String[] wrong : new String[][] {{"size", "ten"}, {"size", "0"}, {"size", "-5"}, {"size", "201"},
                {"page", "0"}, {"page", "2"}, {"after", "not-a-cursor"}}) {
            as("biller", practice).queryParam(wrong[0], wrong[1]).get("/claims").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://revcycle.dev/problems/validation"))
                    .body("errors[0].field", equalTo(wrong[0])).body("errors.size()", equalTo(1));
        }
        as("biller", practice).queryParam("page", "2").get("/claims").then()
                .body("errors[0].message", org.hamcrest.Matchers.containsString("paged by cursor"));
        as("biller", practice).queryParam("size", "200").get("/claims").then().statusCode(200)
                .body("size", equalTo(200)).body("hasMore", equalTo(false));
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
