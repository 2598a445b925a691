package dev.revcycle.claims.api;

import static dev.revcycle.claims.support.RemittanceTopic.cas;
import static dev.revcycle.claims.support.RemittanceTopic.line;
import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.app.ClaimTransitions;
import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.claims.support.RemittanceTopic;
import dev.revcycle.common.inbox.DeadLetters;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Payments' RemittancePosted events, published on the real broker, adjudicate claims: statuses, line
 * details, history, ClaimAdjudicated / ClaimDenied on the claims topic (validated by their schemas),
 * redelivery, reversal, an unknown claim and another practice's (dead-lettered), the API.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class RemittanceAdjudicationTest {
    @Inject
    ClaimTransitions transitions;

    @Inject
    BillableClaims billable;

    @Inject
    AgroalDataSource db;

    record Submitted(ClaimResourceTest.Setup setup, UUID id, String pcn) {
    }

    /** A claim of two lines (99213 150.00, 81002 25.50), submitted. */
    Submitted submitted() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        UUID id = UUID.fromString(ClaimResourceTest.create(s));
        transitions.markReady(id, "scrubber");
        transitions.markSubmitted(List.of(id), UUID.randomUUID(), "biller");
        return new Submitted(s, id, billable.load(id).claim().patientControlNumber());
    }

    static RemittancePosted partlyPaid(Submitted c, UUID remittance) {
        return RemittanceTopic.posted(remittance, c.id(), c.setup().practice(), c.setup().patient(), c.pcn(), "1",
                "PCCN-" + c.pcn(), "175.50", "100.00", "20.00", List.of(), List.of(
                        line(1, "99213", "150.00", "100.00", "120.00", "20.00", cas("CO", "45", null, "30.00"),
                                cas("PR", "2", null, "20.00")),
                        line(2, "81002", "25.50", "0.00", "0.00", "0.00", cas("CO", "16", "M51", "25.50"))));
    }

    static RemittancePosted paid(Submitted c, UUID remittance) {
        return RemittanceTopic.posted(remittance, c.id(), c.setup().practice(), c.setup().patient(), c.pcn(), "1",
                "PCCN-" + c.pcn(), "175.50", "130.00", "25.50", List.of(), List.of(
                        line(1, "99213", "150.00", "110.00", "130.00", "20.00", cas("CO", "45", null, "20.00"),
                                cas("PR", "2", null, "20.00")),
                        line(2, "81002", "25.50", "20.00", "25.50", "5.50", cas("PR", "1", null, "5.50"))));
    }

    static RemittancePosted denied(Submitted c, UUID remittance, String carc) {
        return RemittanceTopic.posted(remittance, c.id(), c.setup().practice(), c.setup().patient(), c.pcn(), "4",
                "PCCN-" + c.pcn(), "175.50", "0.00", "0.00", List.of(cas("CO", carc, null, "175.50")), List.of());
    }

    void publish(RemittancePosted p) {
        RemittanceTopic.publish(p);
    }

    void awaitAdjudications(UUID claim, int count) {
        RemittanceTopic.awaitAdjudications(claim, count);
    }

    int count(UUID claim) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM claim_adjudication WHERE claim_id = ?")) {
            s.setObject(1, claim);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPartlyDeniedRemittanceMakesThePartiallyPaidClaimWithItsLineDetailsHistoryAndEvent() {
        Submitted c = submitted();
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            publish(partlyPaid(c, UUID.randomUUID()));
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_ADJUDICATED, c.id().toString()));
            EventSchemas.assertValid("claims", event.event());
            assertEquals(c.id().toString(), event.key());
            assertEquals("PARTIALLY_PAID", event.data().path("status").asText());
            assertEquals("SUBMITTED", event.data().path("previousStatus").asText());
            assertEquals("100.00", event.data().path("paid").decimalValue().setScale(2).toPlainString());
            assertEquals("120.00", event.data().path("allowed").decimalValue().setScale(2).toPlainString());
            assertEquals("20.00", event.data().path("patientResponsibility").decimalValue().setScale(2).toPlainString());
            assertEquals("PCCN-" + c.pcn(), event.data().path("payerClaimControlNumber").asText());
            assertEquals(2, event.data().path("lines").size());
            assertEquals("M51", event.data().path("lines").path(1).path("adjustments").path(0).path("remarkCode").asText());
            assertFalse(event.data().path("lines").path(0).path("claimLineId").isMissingNode());
        }
        as("biller", c.setup().practice()).get("/claims/" + c.id()).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_PAID")).body("version", equalTo(4))
                .body("adjudication.paid", equalTo(100.0f))
                .body("adjudication.payerClaimControlNumber", equalTo("PCCN-" + c.pcn()))
                .body("adjudication.adjudicatedAt", notNullValue());
        as("auditor", c.setup().practice()).get("/claims/" + c.id() + "/adjudications").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].outcome", equalTo("PARTIALLY_PAID")).body("items[0].claimStatusCode", equalTo("1"))
                .body("items[0].lines.size()", equalTo(2))
                .body("items[0].lines[0].procedureCode", equalTo("99213"))
                .body("items[0].lines[0].allowed", equalTo(120.0f)).body("items[0].lines[0].paid", equalTo(100.0f))
                .body("items[0].lines[0].serviceDate", equalTo("2026-11-20"))
                .body("items[0].lines[1].adjustments[0].groupCode", equalTo("CO"))
                .body("items[0].lines[1].adjustments[0].reasonCode", equalTo("16"))
                .body("items[0].lines[1].adjustments[0].remarkCode", equalTo("M51"))
                .body("items[0].lines[1].adjustments[0].text", startsWith("Contractual obligation: the claim lacks"));
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/history").then().statusCode(200)
                .body("items.toStatus", equalTo(List.of("DRAFT", "READY", "SUBMITTED", "PARTIALLY_PAID")))
                .body("items[3].source", equalTo("835")).body("items[3].statusCode", equalTo("CLP02 1"))
                .body("items[3].reason", startsWith("1 of 2 line(s) paid nothing: CO-16"));
    }

    @Test
    void aDeniedClaimPublishesClaimDeniedAndARedeliveredEventChangesNothing() {
        Submitted c = submitted();
        RemittancePosted p = denied(c, UUID.randomUUID(), "29");
        String json = RemittanceTopic.event(p);
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            RemittanceTopic.publish(p.accountId(), json);
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_DENIED, c.id().toString()));
            EventSchemas.assertValid("claims", event.event());
            assertEquals("APPEAL_WITH_PROOF_OF_TIMELY_FILING", event.data().path("suggestedAction").asText());
            assertEquals("29", event.data().path("reasons").path(0).path("reasonCode").asText());
            assertEquals("175.50", event.data().path("deniedAmount").decimalValue().setScale(2).toPlainString());
            EventSchemas.assertValid("claims",
                    topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_ADJUDICATED, c.id().toString())).event());
            // the same event again, and the same answer under another event id (payments published it twice)
            RemittanceTopic.publish(p.accountId(), json);
            RemittanceTopic.publish(p.accountId(), RemittanceTopic.event(p));
            UUID marker = UUID.randomUUID();
            Submitted other = submitted();
            publish(paid(other, marker));
            topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_ADJUDICATED, other.id().toString()));
            assertEquals(1, topic.await(TopicReader.ofType(EventTypes.CLAIM_ADJUDICATED, c.id().toString()), 1,
                    Duration.ofSeconds(1)).size());
        }
        assertEquals(1, count(c.id()));
        as("biller", c.setup().practice()).get("/claims/" + c.id()).then().body("status", equalTo("DENIED"))
                .body("version", equalTo(4));
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/history").then()
                .body("items.size()", equalTo(4));
    }

    @Test
    void aReversalReopensThePaidClaimAndALaterAnswerAdjudicatesItAgain() {
        Submitted c = submitted();
        publish(paid(c, UUID.randomUUID()));
        awaitAdjudications(c.id(), 1);
        RemittancePosted reversal = RemittanceTopic.posted(UUID.randomUUID(), c.id(), c.setup().practice(),
                c.setup().patient(), c.pcn(), "22", "PCCN-" + c.pcn(), "-175.50", "-130.00", "-25.50", List.of(),
                List.of());
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            publish(reversal);
            TopicReader.Received event = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_ADJUDICATED, c.id().toString()));
            EventSchemas.assertValid("claims", event.event());
            assertEquals("REOPENED", event.data().path("outcome").asText());
            assertEquals("ACCEPTED", event.data().path("status").asText());
            assertEquals("PAID", event.data().path("previousStatus").asText());
        }
        as("biller", c.setup().practice()).get("/claims/" + c.id()).then().body("status", equalTo("ACCEPTED"))
                .body("adjudication.paid", equalTo(0.0f));
        publish(partlyPaid(c, UUID.randomUUID()));
        awaitAdjudications(c.id(), 3);
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/adjudications").then()
                .body("items.outcome", equalTo(List.of("PARTIALLY_PAID", "REOPENED", "PAID")))
                .body("items[1].paid", equalTo(-130.0f));
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/history").then()
                .body("items.toStatus", equalTo(List.of("DRAFT", "READY", "SUBMITTED", "PAID", "ACCEPTED",
                        "PARTIALLY_PAID")))
                .body("items[4].reason", startsWith("The payer reversed its earlier payment"));
    }

    @Test
    void anAnswerForARejectedClaimIsRecordedWithoutAMove() {
        Submitted c = submitted();
        transitions.reject(c.id(), ClaimTransitions.SOURCE_277CA, "A7", "21", "Missing information", "mailbox");
        publish(paid(c, UUID.randomUUID()));
        awaitAdjudications(c.id(), 1);
        as("biller", c.setup().practice()).get("/claims/" + c.id()).then().body("status", equalTo("REJECTED"))
                .body("adjudication", nullValue());
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/history").then()
                .body("items[4].fromStatus", equalTo("REJECTED")).body("items[4].toStatus", equalTo("REJECTED"))
                .body("items[4].reason", org.hamcrest.Matchers.containsString("Not applied: a REJECTED claim"));
    }

    @Test
    void anUnknownClaimAndAnotherPracticesClaimAreDeadLetteredWithAReasonAndNothingIsWritten() {
        Submitted c = submitted();
        UUID unknown = UUID.randomUUID();
        RemittancePosted forUnknown = RemittanceTopic.posted(UUID.randomUUID(), unknown, c.setup().practice(),
                c.setup().patient(), "RC9999999999", "1", null, "10.00", "10.00", "0.00", List.of(), List.of());
        RemittancePosted otherPractice = RemittanceTopic.posted(UUID.randomUUID(), c.id(), "another-practice",
                c.setup().patient(), c.pcn(), "1", null, "175.50", "175.50", "0.00", List.of(), List.of());
        String unknownId = UUID.randomUUID().toString();
        String otherId = UUID.randomUUID().toString();
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("claims"))) {
            RemittanceTopic.publish(forUnknown.accountId(), RemittanceTopic.event(unknownId, forUnknown));
            RemittanceTopic.publish(otherPractice.accountId(), RemittanceTopic.event(otherId, otherPractice));
            dlq.await(r -> r.raw().contains(unknownId) || r.raw().contains(otherId), 2, Duration.ofSeconds(60));
        }
        List<DeadLetters.Letter> letters = new DeadLetters(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "claims").list();
        String unknownReason = letters.stream().filter(l -> unknownId.equals(l.eventId())).findFirst().orElseThrow()
                .reason();
        assertTrue(unknownReason.contains("which claims does not know"), unknownReason);
        String otherReason = letters.stream().filter(l -> otherId.equals(l.eventId())).findFirst().orElseThrow().reason();
        assertTrue(otherReason.contains("of another practice"), otherReason);
        assertFalse(otherReason.contains("Zzlopez"));
        assertEquals(0, count(c.id()));
        as("biller", c.setup().practice()).get("/claims/" + c.id()).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void adjudicationsOfAnotherPracticesClaimAre404() {
        Submitted c = submitted();
        as("biller", "another-practice").get("/claims/" + c.id() + "/adjudications").then().statusCode(404);
        as("biller", c.setup().practice()).get("/claims/" + UUID.randomUUID() + "/adjudications").then()
                .statusCode(404);
        as("biller", c.setup().practice()).get("/claims/" + c.id() + "/adjudications").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as("registrar", c.setup().practice()).get("/claims/" + c.id() + "/adjudications").then().statusCode(200)
                .body("claimId", equalTo(c.id().toString()));
    }
}
