package dev.revcycle.claims.api;

import static dev.revcycle.claims.support.RemittanceTopic.cas;
import static dev.revcycle.claims.support.RemittanceTopic.line;
import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.app.ClaimTransitions;
import dev.revcycle.claims.store.AdjudicationRepository;
import dev.revcycle.claims.support.RemittanceTopic;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.testing.ProblemAssertions;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /denials: DENIED and PARTIALLY_PAID claims with denial adjustments, the largest amount × age first,
 * with their reasons and the suggested next action; filters, paging, roles, bad parameters, another
 * practice; a claim leaves the queue when it is reopened or paid.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class DenialsQueueTest {
    @Inject
    ClaimTransitions transitions;

    @Inject
    BillableClaims billable;

    @Inject
    AdjudicationRepository store;

    @Inject
    AgroalDataSource db;

    @Inject
    jakarta.transaction.UserTransaction tx;

    record Claim(UUID id, String pcn) {
    }

    Claim submitted(ClaimResourceTest.Setup s) {
        UUID id = UUID.fromString(ClaimResourceTest.create(s));
        transitions.markReady(id, "scrubber");
        transitions.markSubmitted(List.of(id), UUID.randomUUID(), "biller");
        return new Claim(id, billable.load(id).claim().patientControlNumber());
    }

    static RemittancePosted denied(ClaimResourceTest.Setup s, Claim c, String carc, String remark, LocalDate on) {
        return RemittanceTopic.paidOn(RemittanceTopic.posted(UUID.randomUUID(), c.id(), s.practice(), s.patient(),
                c.pcn(), "4", "ICN" + c.pcn(), "175.50", "0.00", "0.00", List.of(cas("CO", carc, remark, "175.50")),
                List.of()), on);
    }

    static RemittancePosted lineTwoDenied(ClaimResourceTest.Setup s, Claim c, LocalDate on) {
        return RemittanceTopic.paidOn(RemittanceTopic.posted(UUID.randomUUID(), c.id(), s.practice(), s.patient(),
                c.pcn(), "1", "ICN" + c.pcn(), "175.50", "100.00", "20.00", List.of(), List.of(
                        line(1, "99213", "150.00", "100.00", "120.00", "20.00", cas("CO", "45", null, "30.00"),
                                cas("PR", "2", null, "20.00")),
                        line(2, "81002", "25.50", "0.00", "0.00", "0.00", cas("CO", "16", "M51", "25.50")))), on);
    }

    @Test
    void theQueueShowsTheLargestAmountTimesAgeFirstWithReasonsAndNextActions() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Claim timely = submitted(s);
        Claim authorization = submitted(s);
        Claim partly = submitted(s);
        Claim paid = submitted(s);
        RemittanceTopic.publish(denied(s, timely, "29", null, today.minusDays(2)));
        RemittanceTopic.publish(denied(s, authorization, "197", "N54", today.minusDays(40)));
        RemittanceTopic.publish(lineTwoDenied(s, partly, today.minusDays(100)));
        RemittanceTopic.publish(RemittanceTopic.posted(UUID.randomUUID(), paid.id(), s.practice(), s.patient(),
                paid.pcn(), "1", null, "175.50", "175.50", "0.00", List.of(), List.of()));
        for (Claim c : List.of(timely, authorization, partly, paid)) {
            RemittanceTopic.awaitAdjudications(c.id(), 1);
        }
        // 175.50 × 41 = 7195.50; 25.50 × 101 = 2575.50; 175.50 × 3 = 526.50
        as("biller", s.practice()).queryParam("practiceId", s.practice()).get("/denials").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(authorization.id().toString(), partly.id().toString(),
                        timely.id().toString())))
                .body("hasMore", equalTo(false)).body("next", nullValue())
                .body("items[0].priority", equalTo(7195.5f)).body("items[0].ageDays", equalTo(40))
                .body("items[0].status", equalTo("DENIED")).body("items[0].deniedAmount", equalTo(175.5f))
                .body("items[0].payerClaimControlNumber", equalTo("ICN" + authorization.pcn()))
                .body("items[0].patientControlNumber", equalTo(authorization.pcn()))
                .body("items[0].suggestedAction", equalTo("APPEAL_WITH_AUTHORIZATION"))
                .body("items[0].reasons[0].reasonCode", equalTo("197"))
                .body("items[0].reasons[0].remarkCode", equalTo("N54"))
                .body("items[0].reasons[0].text", startsWith("Contractual obligation: precertification"))
                .body("items[1].status", equalTo("PARTIALLY_PAID")).body("items[1].deniedAmount", equalTo(25.5f))
                .body("items[1].reasons.size()", equalTo(1)).body("items[1].reasons[0].lineNumber", equalTo(2))
                .body("items[1].suggestedAction", equalTo("CORRECT_AND_RESUBMIT"))
                .body("items[1].suggestedActionText", equalTo("Correct the claim and resubmit it"))
                .body("items[2].suggestedAction", equalTo("APPEAL_WITH_PROOF_OF_TIMELY_FILING"))
                .body("items[2].reasons[0].rule", equalTo("TIMELY-FILING"));
        as("auditor", s.practice()).queryParam("carc", "16").get("/denials").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(partly.id().toString())));
        as("admin", s.practice()).queryParam("payerId", s.payer().toString()).queryParam("carc", "29")
                .get("/denials").then().statusCode(200).body("items.claimId", equalTo(List.of(timely.id().toString())));
        as("biller", s.practice()).queryParam("payerId", UUID.randomUUID().toString()).get("/denials").then()
                .statusCode(200).body("items.size()", equalTo(0));
        // paging by cursor
        String next = as("biller", s.practice()).queryParam("size", "2").get("/denials").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(true)).body("next", notNullValue())
                .extract().path("next");
        as("biller", s.practice()).queryParam("size", "2").queryParam("after", next).get("/denials").then()
                .statusCode(200).body("items.claimId", equalTo(List.of(timely.id().toString())))
                .body("hasMore", equalTo(false));
        // another practice sees none of it
        as("biller", "another-practice").get("/denials").then().statusCode(200).body("items.size()", equalTo(0));
        as("biller", "another-practice").queryParam("practiceId", s.practice()).get("/denials").then()
                .statusCode(200).body("items.size()", equalTo(0));

        // a reversal reopens the authorization denial, a later payment pays the partly paid claim: both leave
        RemittanceTopic.publish(RemittanceTopic.posted(UUID.randomUUID(), authorization.id(), s.practice(),
                s.patient(), authorization.pcn(), "22", "ICN" + authorization.pcn(), "-175.50", "0.00", "0.00",
                List.of(), List.of()));
        RemittanceTopic.publish(RemittanceTopic.posted(UUID.randomUUID(), partly.id(), s.practice(), s.patient(),
                partly.pcn(), "1", null, "25.50", "25.50", "0.00", List.of(), List.of()));
        RemittanceTopic.awaitAdjudications(authorization.id(), 2);
        RemittanceTopic.awaitAdjudications(partly.id(), 2);
        as("biller", s.practice()).get("/denials").then().statusCode(200)
                .body("items.claimId", equalTo(List.of(timely.id().toString())));
        as("biller", s.practice()).get("/claims/" + partly.id()).then().body("status", equalTo("PAID"))
                .body("adjudication.paid", equalTo(125.5f));
    }

    @Test
    void theOrderIsBroughtToANewDayByTheRefresh() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        Claim c = submitted(s);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RemittanceTopic.publish(denied(s, c, "16", null, today.minusDays(9)));
        RemittanceTopic.awaitAdjudications(c.id(), 1);
        assertEquals(new BigDecimal("1755.00"), priority(c.id()));
        // ten days later, in a transaction rolled back (other tests' rows are moved too)
        tx.begin();
        try {
            assertTrue(store.refreshPriorities(today.plusDays(10)) >= 2);
            assertEquals(new BigDecimal("3510.00"), priority(c.id()));
        } finally {
            tx.rollback();
        }
        assertEquals(new BigDecimal("1755.00"), priority(c.id()));
    }

    /** The claim's entry (carc *) as the transaction sees it (the current one, when there is one). */
    private BigDecimal priority(UUID claim) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT priority FROM claim_denial_entry WHERE claim_id = ? AND carc = '*'")) {
            s.setObject(1, claim);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    @Test
    void badParametersAre400AndOtherRolesAre403() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        for (String[] bad : List.of(new String[] {"size", "500"}, new String[] {"size", "zero"},
                new String[] {"payerId", "not-a-uuid"}, new String[] {"carc", "16;DROP"},
                new String[] {"carc", "123456"}, new String[] {"after", "bm90IGEgY3Vyc29y"})) {
            ProblemAssertions.assertFieldRefused(as("biller", s.practice()).queryParam(bad[0], bad[1]).get("/denials"),
                    bad[0], "");
        }
        as("registrar", s.practice()).get("/denials").then().statusCode(403);
        as("collector", s.practice()).get("/denials").then().statusCode(403);
        as("auditor", s.practice()).get("/denials").then().statusCode(200);
    }
}
