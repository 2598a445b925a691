package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.coverage;
import static dev.revcycle.eligibility.api.Fixtures.coverageBody;
import static dev.revcycle.eligibility.api.Fixtures.coverageFor;
import static dev.revcycle.eligibility.api.Fixtures.memberId;
import static dev.revcycle.eligibility.api.Fixtures.patient;
import static dev.revcycle.eligibility.api.Fixtures.payer;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.revcycle.contracts.Topics;
import dev.revcycle.eligibility.support.MovableClock;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class EligibilityCheckResourceTest {
    private static final String SERVICE_DATE = "2026-03-05";

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private static Response check(String practice, String coverageId, String serviceDate) {
        return as("registrar", practice)
                .body(Map.of("coverageId", coverageId, "serviceDate", serviceDate, "serviceTypeCodes", List.of("30")))
                .post("/eligibility-checks");
    }

    @Test
    void anActiveMemberComesBackWithThePlanAndTheExactBenefitsAndAnEvent() {
        String practice = practice();
        String patient = patient(practice, "Ana", "Okafor", LocalDate.of(1984, 3, 9));
        String member = activeMemberId();
        String coverage = coverage(coverageBody(practice, patient, payer(), member));
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            Response checked = check(practice, coverage, SERVICE_DATE);
            checked.then().statusCode(201)
                    .header("Location", matchesPattern(".*/eligibility-checks/[0-9a-f-]{36}$"))
                    .body("coverageId", equalTo(coverage))
                    .body("patientId", equalTo(patient))
                    .body("serviceDate", equalTo(SERVICE_DATE))
                    .body("status", equalTo("ACTIVE"))
                    .body("planBegin", equalTo("2026-01-01"))
                    .body("planEnd", equalTo("2026-12-31"))
                    .body("rejections", empty())
                    .body("errorReason", nullValue())
                    // money as JSON numbers with two places
                    .body(containsString("\"copay\":25.00"))
                    .body(containsString("\"coinsurancePercent\":20.00"))
                    .body(containsString("\"deductible\":1500.00"))
                    .body(containsString("\"deductibleRemaining\":500.00"))
                    .body(containsString("\"outOfPocket\":6000.00"))
                    .body(containsString("\"outOfPocketRemaining\":4500.00"));
            String id = checked.path("id");

            TopicReader.Received event = topic.awaitOne(r -> r.type().equals("EligibilityVerified")
                    && r.data().path("checkId").asText().equals(id));
            assertThat(event.key()).isEqualTo(patient);
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("status").asText()).isEqualTo("ACTIVE");
            assertThat(event.data().path("benefits").path("copay").decimalValue()).isEqualByComparingTo(new BigDecimal("25.00"));
            assertThat(event.data().path("benefits").path("outOfPocketRemaining").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("4500.00"));
            assertThat(event.raw()).doesNotContain(member).doesNotContain("Okafor");

            as("biller", practice).get("/eligibility-checks/" + id).then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body(containsString("\"copay\":25.00"));
            String x270 = as("biller", practice).get("/eligibility-checks/" + id + "/x12/270").then().statusCode(200)
                    .contentType(containsString("text/plain")).extract().asString();
            assertThat(x270).startsWith("ISA*").contains("ST*270*0001*005010X279A1~")
                    .contains("NM1*PR*2*Sandbox Health*****PI*SBX")
                    .contains("NM1*IL*1*Okafor*Ana****MI*" + member + "~")
                    .contains("DMG*D8*19840309~").contains("DTP*291*D8*20260305~").contains("EQ*30~");
            String x271 = as("biller", practice).get("/eligibility-checks/" + id + "/x12/271").then().statusCode(200)
                    .extract().asString();
            assertThat(x271).contains("ST*271*").contains("EB*1*IND*30**SANDBOX PPO~")
                    .contains("TRN*2*" + id.replace("-", "").toUpperCase());
        }
    }

    @Test
    void theSubscriberOnTheCardIsWhoThe270AsksAbout() {
        String practice = practice();
        String patient = patient(practice);
        Map<String, Object> body = coverageBody(practice, patient, payer(), activeMemberId());
        body.put("subscriberRelationship", "CHILD");
        body.put("subscriber", Map.of("firstName", "Maria", "lastName", "Delacroix", "dateOfBirth", "1962-07-14"));
        String id = check(practice, coverage(body), SERVICE_DATE).then().statusCode(201).extract().path("id");
        assertThat(as("registrar", practice).get("/eligibility-checks/" + id + "/x12/270").asString())
                .contains("NM1*IL*1*Delacroix*Maria****MI*").contains("DMG*D8*19620714~");
    }

    @Test
    void anInactiveMemberIsInactiveWithoutBenefits() {
        String practice = practice();
        check(practice, coverageFor(practice, memberId("00")), SERVICE_DATE).then().statusCode(201)
                .body("status", equalTo("INACTIVE"))
                .body("benefits", nullValue())
                .body("rejections", empty());
    }

    @Test
    void aRejectedMemberIsAnErrorWithTheRejection() {
        String practice = practice();
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            String id = check(practice, coverageFor(practice, memberId("99")), SERVICE_DATE).then().statusCode(201)
                    .body("status", equalTo("ERROR"))
                    .body("rejections.code", equalTo(List.of("72")))
                    .body("rejections[0].description", equalTo("Invalid/Missing Subscriber/Insured ID"))
                    .body("errorReason", equalTo("payer rejected the inquiry"))
                    .body("benefits", nullValue())
                    .extract().path("id");
            TopicReader.Received event = topic.awaitOne(r -> r.data().path("checkId").asText().equals(id));
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("rejections").get(0).path("code").asText()).isEqualTo("72");
        }
    }

    @Test
    void anUnreadable271IsAnErrorAndIsKeptForInspection() {
        String practice = practice();
        String id = check(practice, coverageFor(practice, memberId("96")), SERVICE_DATE).then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("errorReason", equalTo("271 could not be read"))
                .extract().path("id");
        assertThat(as("registrar", practice).get("/eligibility-checks/" + id + "/x12/271").then().statusCode(200)
                .extract().asString()).startsWith("ISA*").doesNotContain("IEA*");
    }

    @Test
    void aClearinghouseOutageIsAnErrorWithItsReasonAndNo271() {
        String practice = practice();
        try (TopicReader topic = new TopicReader(Topics.ELIGIBILITY)) {
            String id = check(practice, coverageFor(practice, memberId("98")), SERVICE_DATE).then().statusCode(201)
                    .body("status", equalTo("ERROR"))
                    .body("errorReason", equalTo("clearinghouse answered 503"))
                    .extract().path("id");
            as("registrar", practice).get("/eligibility-checks/" + id + "/x12/271").then().statusCode(404)
                    .contentType("application/problem+json");
            as("registrar", practice).get("/eligibility-checks/" + id + "/x12/270").then().statusCode(200);
            TopicReader.Received event = topic.awaitOne(r -> r.data().path("checkId").asText().equals(id));
            EventSchemas.assertValid("eligibility", event.event());
            assertThat(event.data().path("status").asText()).isEqualTo("ERROR");
        }
    }

    @Test
    void aSlowClearinghouseTimesOut() {
        String practice = practice();
        long started = System.nanoTime();
        check(practice, coverageFor(practice, memberId("97")), SERVICE_DATE).then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("errorReason", equalTo("clearinghouse timed out"));
        // the test profile's read timeout (2s), not the sandbox's delay (5s)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aRecentAnswerIsGivenAgainForADayUnlessRefreshed() {
        String practice = practice();
        String coverage = coverageFor(practice, activeMemberId());
        String first = check(practice, coverage, SERVICE_DATE).then().statusCode(201).extract().path("id");

        clock.advance(Duration.ofHours(23));
        check(practice, coverage, SERVICE_DATE).then().statusCode(200).body("id", equalTo(first))
                .body(containsString("\"copay\":25.00"));
        // another service date is another question
        String otherDate = check(practice, coverage, "2026-03-06").then().statusCode(201).extract().path("id");
        assertThat(otherDate).isNotEqualTo(first);

        String refreshed = as("registrar", practice).body(Map.of("coverageId", coverage, "serviceDate", SERVICE_DATE))
                .post("/eligibility-checks?refresh=true").then().statusCode(201).extract().path("id");
        assertThat(refreshed).isNotEqualTo(first);
        check(practice, coverage, SERVICE_DATE).then().statusCode(200).body("id", equalTo(refreshed));

        clock.advance(Duration.ofHours(25));
        check(practice, coverage, SERVICE_DATE).then().statusCode(201).body("id", not(equalTo(refreshed)));
    }

    @Test
    void aFailedCheckOrAChangedCoverageIsAskedAgain() {
        String practice = practice();
        String failing = coverageFor(practice, memberId("98"));
        String first = check(practice, failing, SERVICE_DATE).then().statusCode(201).extract().path("id");
        check(practice, failing, SERVICE_DATE).then().statusCode(201).body("id", not(equalTo(first)));

        String coverage = coverageFor(practice, memberId("99"));
        check(practice, coverage, SERVICE_DATE).then().statusCode(201).body("status", equalTo("ERROR"));
        // the representative corrects the member id: the next check asks the payer with it
        as("registrar", practice).body(Map.of("memberId", activeMemberId())).patch("/coverages/" + coverage).then().statusCode(200);
        String active = check(practice, coverage, SERVICE_DATE).then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        as("registrar", practice).body(Map.of("planName", "Gold")).patch("/coverages/" + coverage).then().statusCode(200);
        check(practice, coverage, SERVICE_DATE).then().statusCode(201).body("id", not(equalTo(active)));
    }

    @Test
    void aTerminatedCoverageOrADateOutsideItCannotBeChecked() {
        String practice = practice();
        Map<String, Object> body = coverageBody(practice, patient(practice), payer(), activeMemberId());
        body.put("terminationDate", "2026-12-31");
        String coverage = coverage(body);
        check(practice, coverage, "2025-12-31").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/service-date-outside-coverage"));
        check(practice, coverage, "2027-01-01").then().statusCode(422)
                .body("type", equalTo("https://revcycle.dev/problems/service-date-outside-coverage"));

        as("registrar", practice).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + coverage + "/terminate")
                .then().statusCode(200);
        Response refused = check(practice, coverage, SERVICE_DATE);
        refused.then().statusCode(422).body("type", equalTo("https://revcycle.dev/problems/coverage-terminated"));
        assertThat(refused.asString()).doesNotContain((String) body.get("memberId"));
    }

    @Test
    void unknownOrInvisibleThingsAreNotFound() {
        String practice = practice();
        check(practice, UUID.randomUUID().toString(), SERVICE_DATE).then().statusCode(404)
                .body("type", equalTo("https://revcycle.dev/problems/not-found"));
        as("registrar", practice).get("/eligibility-checks/" + UUID.randomUUID()).then().statusCode(404);
        as("registrar", practice).get("/eligibility-checks/" + UUID.randomUUID() + "/x12/270").then().statusCode(404);

        String coverage = coverageFor(practice, activeMemberId());
        String id = check(practice, coverage, SERVICE_DATE).then().statusCode(201).extract().path("id");
        String outsider = practice();
        check(outsider, coverage, SERVICE_DATE).then().statusCode(404);
        as("registrar", outsider).get("/eligibility-checks/" + id).then().statusCode(404);
        as("registrar", outsider).get("/eligibility-checks/" + id + "/x12/270").then().statusCode(404);
        as("registrar", outsider).get("/eligibility-checks/" + id + "/x12/271").then().statusCode(404);
        as("registrar", outsider).get("/coverages/" + coverage).then().statusCode(404);
        as("registrar", outsider).body(Map.of("planName", "X")).patch("/coverages/" + coverage).then().statusCode(404);
        as("registrar", outsider).body(Map.of("terminationDate", "2026-06-30")).post("/coverages/" + coverage + "/terminate")
                .then().statusCode(404);
        // and nothing changed
        as("registrar", practice).get("/coverages/" + coverage).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void badInputIsA400() {
        String practice = practice();
        as("registrar", practice).body(Map.of("serviceDate", SERVICE_DATE)).post("/eligibility-checks").then().statusCode(400)
                .body("errors.field", hasItems("coverageId"));
        as("registrar", practice).body(Map.of("coverageId", UUID.randomUUID(), "serviceDate", "2026-02-30"))
                .post("/eligibility-checks").then().statusCode(400).body("errors.field", hasItems("serviceDate"));
        as("registrar", practice).body(Map.of("coverageId", UUID.randomUUID(), "serviceDate", SERVICE_DATE,
                        "serviceTypeCodes", List.of("30", "X*")))
                .post("/eligibility-checks").then().statusCode(400).body("errors.field", hasItems("serviceTypeCodes"));
    }
}
