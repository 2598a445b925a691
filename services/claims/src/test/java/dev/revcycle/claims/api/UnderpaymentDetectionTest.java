package dev.revcycle.claims.api;

import static dev.revcycle.claims.support.RemittanceTopic.cas;
import static dev.revcycle.claims.support.RemittanceTopic.line;
import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.app.ClaimTransitions;
import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.claims.support.RemittanceTopic;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Underpayments found from payments' RemittancePosted, through the adjudication's own path (AdjudicatingClaims →
 * UnderpaymentFollowUp, one transaction): listed once, a redelivered event adds nothing, a reversal takes it off.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class UnderpaymentDetectionTest {
    @Inject
    ClaimTransitions transitions;

    @Inject
    BillableClaims billable;

    @Test
    void aRemittanceAllowingBelowTheContractIsListedOnceAndAReversalTakesItOff() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        as("biller", s.practice()).body(Map.of("practiceId", s.practice(), "effectiveFrom", "2026-01-01", "rates",
                List.of(Map.of("procedureCode", "99213", "allowed", new BigDecimal("140.00")),
                        Map.of("procedureCode", "81002", "allowed", new BigDecimal("25.50")))))
                .put("/fee-schedules/" + s.payer()).then().statusCode(200);
        UUID id = UUID.fromString(ClaimResourceTest.create(s));
        transitions.markReady(id, "scrubber");
        transitions.markSubmitted(List.of(id), UUID.randomUUID(), "biller");
        String pcn = billable.load(id).claim().patientControlNumber();
        UUID remittance = UUID.randomUUID();
        RemittancePosted paid = RemittanceTopic.posted(remittance, id, s.practice(), s.patient(), pcn, "1", "PCCN-" + pcn,
                "175.50", "150.00", "0.00", List.of(), List.of(
                        line(1, "99213", "150.00", "130.00", "130.00", "0.00", cas("CO", "45", null, "20.00")),
                        line(2, "81002", "25.50", "25.00", "25.00", "0.00", cas("CO", "45", null, "0.50"))));
        String event = RemittanceTopic.event(paid);
        RemittanceTopic.publish(paid.accountId(), event);
        RemittanceTopic.awaitAdjudications(id, 1);
        FactsTopics.await("SELECT 1 FROM underpayment WHERE claim_id = ?", id);
        as("biller", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].procedureCode", equalTo("99213"))
                .body("items[0].expected", equalTo(140.0f)).body("items[0].actual", equalTo(130.0f))
                .body("items[0].difference", equalTo(10.0f)).body("items[0].serviceDate", equalTo("2026-11-20"))
                .body("items[0].patientControlNumber", equalTo(pcn));

        // the same event again (redelivered) and a sentinel after it: still one
        RemittanceTopic.publish(paid.accountId(), event);
        UUID later = UUID.fromString(ClaimResourceTest.create(s));
        transitions.markReady(later, "scrubber");
        transitions.markSubmitted(List.of(later), UUID.randomUUID(), "biller");
        String laterPcn = billable.load(later).claim().patientControlNumber();
        RemittanceTopic.publish(RemittanceTopic.posted(UUID.randomUUID(), later, s.practice(), s.patient(), laterPcn, "1",
                "PCCN-" + laterPcn, "175.50", "165.50", "0.00", List.of(), List.of(
                        line(1, "99213", "150.00", "140.00", "140.00", "0.00", cas("CO", "45", null, "10.00")),
                        line(2, "81002", "25.50", "25.50", "25.50", "0.00"))));
        RemittanceTopic.awaitAdjudications(later, 1);
        as("biller", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then()
                .body("items.size()", equalTo(1));

        // the payer reverses the first claim
        RemittanceTopic.publish(RemittanceTopic.posted(UUID.randomUUID(), id, s.practice(), s.patient(), pcn, "22",
                "PCCN-" + pcn, "-175.50", "-150.00", "0.00", List.of(), List.of(
                        line(1, "99213", "-150.00", "-130.00", "-130.00", "0.00", cas("CO", "45", null, "-20.00")),
                        line(2, "81002", "-25.50", "-25.00", "-25.00", "0.00", cas("CO", "45", null, "-0.50")))));
        RemittanceTopic.awaitAdjudications(id, 2);
        as("biller", s.practice()).queryParam("practiceId", s.practice()).get("/underpayments").then()
                .body("items.size()", equalTo(0));
    }
}
