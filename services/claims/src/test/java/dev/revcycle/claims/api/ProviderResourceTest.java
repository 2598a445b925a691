package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ProviderResourceTest {

    /** A valid NPI no other test uses: 9 random digits and their Luhn check digit (80840 prefix). */
    static String npi() {
        String base = "1" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        for (int d = 0; d < 10; d++) {
            String candidate = base + d;
            if (dev.revcycle.claims.domain.Npi.valid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    static Map<String, Object> body(String practice, String npi) {
        Map<String, Object> b = new HashMap<>();
        b.put("practiceId", practice);
        b.put("npi", npi);
        b.put("name", "North Clinic");
        b.put("entityType", "ORGANIZATION");
        b.put("taxonomyCode", "207Q00000X");
        b.put("taxId", "12-3456789");
        b.put("address", Map.of("line1", "1 Clinic Way", "city", "Springfield", "state", "IL", "postalCode", "62704-1234"));
        return b;
    }

    static String register(String practice) {
        return as("biller", practice).body(body(practice, npi())).post("/providers").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aProviderIsRegisteredReadAndPublished() {
        String practice = ServiceRequests.practice();
        String npi = npi();
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            String id = as("biller", practice).body(body(practice, npi)).post("/providers").then().statusCode(201)
                    .body("npi", equalTo(npi)).body("taxId", equalTo("123456789"))
                    .body("address.postalCode", equalTo("627041234")).body("version", equalTo(1))
                    .extract().path("id");
            as("auditor", practice).get("/providers/" + id).then().statusCode(200).header("ETag", "\"1\"")
                    .body("name", equalTo("North Clinic"));
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType(EventTypes.PROVIDER_REGISTERED, id));
            EventSchemas.assertValid("claims", event.event());
            assertEquals(npi, event.data().path("provider").path("npi").asText());
        }
    }

    @Test
    void theNpiCheckDigitTaxonomyAndTaxIdAreChecked() {
        String practice = ServiceRequests.practice();
        as("biller", practice).body(body(practice, "1234567893")).post("/providers").then().statusCode(201);
        Map<String, Object> bad = body(practice, "1234567890");
        bad.put("taxonomyCode", "207Q");
        bad.put("taxId", "12345");
        as("biller", practice).body(bad).post("/providers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("npi")).body("errors.field", hasItem("taxonomyCode"))
                .body("errors.field", hasItem("taxId"));
    }

    @Test
    void aSecondProviderWithTheSameNpiIsADuplicateFoundByNpi() {
        String practice = ServiceRequests.practice();
        String npi = npi();
        String id = as("biller", practice).body(body(practice, npi)).post("/providers").then().statusCode(201)
                .extract().path("id");
        as("biller", practice).body(body(practice, npi)).post("/providers").then().statusCode(409)
                .body("type", equalTo("https://revcycle.dev/problems/duplicate-provider"))
                .body("existingProviderId", equalTo(id));
        as("biller", practice).queryParam("practiceId", practice).queryParam("npi", npi).get("/providers").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(id));
        // another practice may register the same NPI
        String other = ServiceRequests.practice();
        as("biller", other).body(body(other, npi)).post("/providers").then().statusCode(201);
    }

    @Test
    void onePracticeHasOneDefaultBillingProviderAndThePreviousOneIsToldSo() {
        String practice = ServiceRequests.practice();
        Map<String, Object> first = body(practice, npi());
        first.put("defaultBilling", true);
        String a = as("biller", practice).body(first).post("/providers").then().statusCode(201).extract().path("id");
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            Map<String, Object> second = body(practice, npi());
            second.put("defaultBilling", true);
            String b = as("admin", practice).body(second).post("/providers").then().statusCode(201)
                    .body("defaultBilling", equalTo(true)).extract().path("id");
            as("biller", practice).get("/providers/" + a).then().body("defaultBilling", equalTo(false))
                    .body("version", equalTo(2));
            TopicReader.Received changed = topic.awaitOne(TopicReader.ofType(EventTypes.PROVIDER_CHANGED, a));
            EventSchemas.assertValid("claims", changed.event());
            assertEquals(false, changed.data().path("provider").path("defaultBilling").asBoolean());
            // a patch makes the first the default again
            as("biller", practice).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                    .body("{\"defaultBilling\": true}").patch("/providers/" + a).then().statusCode(200)
                    .body("defaultBilling", equalTo(true)).body("version", equalTo(3));
            as("biller", practice).get("/providers/" + b).then().body("defaultBilling", equalTo(false));
        }
    }

    @Test
    void aPatchWithAStaleVersionOrABadFieldIsRefused() {
        String practice = ServiceRequests.practice();
        String id = register(practice);
        as("biller", practice).contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body("{\"name\": \"Renamed\"}").patch("/providers/" + id).then().statusCode(412);
        as("biller", practice).contentType("application/merge-patch+json")
                .body("{\"npi\": \"1234567890\"}").patch("/providers/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("npi"));
        as("biller", practice).contentType("application/merge-patch+json")
                .body("{\"practiceId\": \"elsewhere\"}").patch("/providers/" + id).then().statusCode(400);
        as("biller", practice).get("/providers/" + id).then().body("version", equalTo(1));
    }

    @Test
    void anotherPracticesProviderIsNotFoundAndReadersCannotWrite() {
        String practice = ServiceRequests.practice();
        String id = register(practice);
        as("biller", ServiceRequests.practice()).get("/providers/" + id).then().statusCode(404);
        as("registrar", practice).get("/providers/" + id).then().statusCode(200);
        as("registrar", practice).body(body(practice, npi())).post("/providers").then().statusCode(403);
        as("poster", practice).contentType("application/merge-patch+json").body("{\"name\": \"X\"}")
                .patch("/providers/" + id).then().statusCode(403);
    }
}
