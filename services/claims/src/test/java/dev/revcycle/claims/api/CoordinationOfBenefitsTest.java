package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.imsweb.x12.Loop;
import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.app.BillingSecondaryPayers;
import dev.revcycle.claims.app.ClaimTransitions;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.claims.x12.Claim837Writer;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import dev.revcycle.testing.TopicReader;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.UsageIndicator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Secondary claims after an adjudication (payments' RemittancePosted on the real broker), corrections and voids over
 * HTTP, the void's acceptance ending both claims VOIDED with ClaimVoided, and the 837 of each written from what the
 * database holds and read back by the imsweb x12-parser.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class CoordinationOfBenefitsTest {
    @Inject
    ClaimTransitions transitions;

    @Inject
    BillableClaims billable;

    @Inject
    BillingSecondaryPayers secondaryPayers;

    @Inject
    AgroalDataSource db;

    private final Claim837Writer writer = new Claim837Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            new Claim837Writer.Parties("Revcycle Billing", "REVCYCLE", "Billing Office", "555-123-4567", "Payer Sandbox",
                    "PAYERSANDBOX"),
            Clock.systemUTC());

    /** A second coverage of the setup's patient (Medicare, SECONDARY), known to claims. */
    static UUID secondCoverage(ClaimResourceTest.Setup s, String priority) {
        return secondCoverage(s, priority, null);
    }

    static UUID secondCoverage(ClaimResourceTest.Setup s, String priority, String medicareSecondaryType) {
        UUID id = UUID.randomUUID();
        CoverageDetails c = new CoverageDetails(id, s.patient(), s.practice(),
                new CoveragePayer(UUID.randomUUID(), "Medicare Part B", "MEDICARE", "MCR01", 365), "1EG4TE5MK73", null,
                "Part B", priority, "SELF", null, LocalDate.of(2026, 1, 1), null, medicareSecondaryType);
        FactsTopics.sendEligibility(s.patient(), FactsTopics.coverageAdded(c, 1));
        FactsTopics.await("SELECT 1 FROM known_coverage WHERE id = ?", id);
        return id;
    }

    RemittanceAdjudicationTest.Submitted submitted(ClaimResourceTest.Setup s) {
        UUID id = UUID.fromString(ClaimResourceTest.create(s));
        transitions.markReady(id, "scrubber");
        transitions.markSubmitted(List.of(id), UUID.randomUUID(), "biller");
        return new RemittanceAdjudicationTest.Submitted(s, id, billable.load(id).claim().patientControlNumber());
    }

    /** Submitted and accepted by the payer with its claim control number (the 277CA's REF*1K). */
    UUID accepted(ClaimResourceTest.Setup s, String payerNumber) {
        UUID id = submitted(s).id();
        transitions.accept(id, payerNumber, ClaimTransitions.SOURCE_277CA, "mailbox");
        return id;
    }

    List<UUID> claimsMadeFrom(String column, UUID claimId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM claim WHERE " + column + " = ? ORDER BY created_at")) {
            s.setObject(1, claimId);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    UUID awaitSecondary(UUID primaryId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<UUID> made = claimsMadeFrom("primary_claim_id", primaryId);
            if (!made.isEmpty()) {
                return made.get(0);
            }
            dev.revcycle.testing.TopicWriter.pause();
        }
        throw new AssertionError("no secondary claim for " + primaryId);
    }

    com.imsweb.x12.reader.X12Reader written(UUID claimId) throws Exception {
        BillableClaim claim = billable.load(claimId);
        String x12 = writer.write(new AtomicLong(900)::incrementAndGet, List.of(claim)).x12();
        com.imsweb.x12.reader.X12Reader reader = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X222,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        return reader;
    }

    @Test
    void aPartlyPaidPrimaryMakesOneDraftSecondaryClaimWhose837CarriesThePrimarysAnswer() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        // a disabled beneficiary under 65 whose large group health plan pays first (eligibility's MSP type)
        UUID medicare = secondCoverage(s, "SECONDARY", "DISABLED_LARGE_GROUP");
        RemittanceAdjudicationTest.Submitted c = submitted(s);
        RemittancePosted posted = RemittanceAdjudicationTest.partlyPaid(c, UUID.randomUUID());
        UUID secondary;
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            RemittanceTopicPublisher.publish(posted);
            secondary = awaitSecondary(c.id());
            TopicReader.Received created = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_CREATED, secondary.toString()));
            EventSchemas.assertValid("claims", created.event());
            assertEquals(c.id().toString(), created.data().path("primaryClaimId").asText());
            assertEquals(medicare.toString(), created.data().path("coverageId").asText());
            assertEquals(2, created.data().path("lines").size());
        }
        as("biller", s.practice()).get("/claims/" + secondary).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("coverageId", equalTo(medicare.toString()))
                .body("primaryClaimId", equalTo(c.id().toString())).body("frequencyCode", equalTo("1"))
                .body("totalCharge", equalTo(175.5f)).body("patientControlNumber", not(equalTo(c.pcn())));
        as("biller", s.practice()).get("/claims/" + secondary + "/history").then().statusCode(200)
                .body("items[0].toStatus", equalTo("DRAFT")).body("items[0].actor", equalTo(BillingSecondaryPayers.ACTOR));

        // the 837 written from the database: SBR*S with Medicare's MSP type, 2320/2330 of the primary, 2430 per line
        Loop subscriber = written(secondary).getLoops().get(0).findLoop("2000B").get(0);
        assertEquals("S", subscriber.getSegment("SBR").getElementValue("SBR01"));
        assertEquals("43", subscriber.getSegment("SBR").getElementValue("SBR05"));
        assertEquals("MB", subscriber.getSegment("SBR").getElementValue("SBR09"));
        Loop other = subscriber.getLoop("2300").getLoop("2320");
        assertEquals("P", other.getSegment("SBR").getElementValue("SBR01"));
        assertEquals("100.00", other.findSegment("AMT").get(0).getElementValue("AMT02"));
        assertEquals("D", other.findSegment("AMT").get(0).getElementValue("AMT01"));
        assertEquals("XJH123456701", other.getLoop("2330A").getSegment("NM1").getElementValue("NM109"));
        assertEquals("SBX01", other.getLoop("2330B").getSegment("NM1").getElementValue("NM109"));
        assertEquals("20261130", other.getLoop("2330B").getSegment("DTP").getElementValue("DTP03"));
        assertEquals("PCCN-" + c.pcn(), other.getLoop("2330B").getSegment("REF").getElementValue("REF02"));
        List<Loop> lines = subscriber.getLoop("2300").findLoop("2400");
        assertEquals("100.00", lines.get(0).getLoop("2430").getSegment("SVD").getElementValue("SVD02"));
        assertThat(lines.get(0).getLoop("2430").findSegment("CAS")).extracting(x -> x.getElementValue("CAS01") + "-"
                + x.getElementValue("CAS02") + "=" + x.getElementValue("CAS03")).containsExactly("CO-45=30.00", "PR-2=20.00");
        assertEquals("0.00", lines.get(1).getLoop("2430").getSegment("SVD").getElementValue("SVD02"));
        assertEquals("CO", lines.get(1).getLoop("2430").getSegment("CAS").getElementValue("CAS01"));

        // redelivered (same event again, another adjudication call): still one secondary claim
        RemittanceTopicPublisher.publish(posted);
        assertThat(QuarkusTransaction.requiringNew().call(() -> secondaryPayers.billNextPayer(c.id()))).isEmpty();
        dev.revcycle.testing.TopicWriter.pause();
        assertThat(claimsMadeFrom("primary_claim_id", c.id())).containsExactly(secondary);
    }

    @Test
    void noSecondaryClaimWithoutAnotherCoverageOrWhenThePrimaryLeftNothing() throws Exception {
        ClaimResourceTest.Setup alone = ClaimResourceTest.setup();
        RemittanceAdjudicationTest.Submitted c = submitted(alone);
        RemittanceTopicPublisher.publish(RemittanceAdjudicationTest.partlyPaid(c, UUID.randomUUID()));
        awaitStatus(alone, c.id(), "PARTIALLY_PAID");
        assertThat(claimsMadeFrom("primary_claim_id", c.id())).isEmpty();

        ClaimResourceTest.Setup two = ClaimResourceTest.setup();
        secondCoverage(two, "SECONDARY");
        RemittanceAdjudicationTest.Submitted fully = submitted(two);
        // all contractual: 175.50 = 150.00 paid + CO-45 20.00 + 5.50, nothing left for Medicare
        RemittanceTopicPublisher.publish(dev.revcycle.claims.support.RemittanceTopic.posted(UUID.randomUUID(), fully.id(),
                two.practice(), two.patient(), fully.pcn(), "1", "PCCN-F", "175.50", "150.00", "0.00", List.of(), List.of(
                        dev.revcycle.claims.support.RemittanceTopic.line(1, "99213", "150.00", "130.00", "130.00", "0.00",
                                dev.revcycle.claims.support.RemittanceTopic.cas("CO", "45", null, "20.00")),
                        dev.revcycle.claims.support.RemittanceTopic.line(2, "81002", "25.50", "20.00", "20.00", "0.00",
                                dev.revcycle.claims.support.RemittanceTopic.cas("CO", "45", null, "5.50")))));
        awaitStatus(two, fully.id(), "PAID");
        assertThat(claimsMadeFrom("primary_claim_id", fully.id())).isEmpty();
    }

    void awaitStatus(ClaimResourceTest.Setup s, UUID id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String now = as("auditor", s.practice()).get("/claims/" + id).then().extract().path("status");
            if (status.equals(now)) {
                return;
            }
            dev.revcycle.testing.TopicWriter.pause();
        }
        throw new AssertionError("claim " + id + " is not " + status);
    }

    @Test
    void aCorrectionIsANewDraftWithFrequency7ThatReplacesTheAcceptedClaim() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        UUID original = accepted(s, "SBX-777");
        String correction;
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            correction = as("biller", s.practice()).body(Map.of("diagnoses", List.of("I10")))
                    .post("/claims/" + original + "/corrections").then().statusCode(201)
                    .header("Location", notNullValue())
                    .body("status", equalTo("DRAFT")).body("frequencyCode", equalTo("7"))
                    .body("replacesClaimId", equalTo(original.toString())).body("diagnoses[0]", equalTo("I10"))
                    .body("totalCharge", equalTo(175.5f)).extract().path("id");
            TopicReader.Received created = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_CREATED, correction));
            EventSchemas.assertValid("claims", created.event());
            assertEquals(original.toString(), created.data().path("replacesClaimId").asText());
        }
        as("biller", s.practice()).get("/claims/" + original).then().body("status", equalTo("ACCEPTED"));
        as("biller", s.practice()).get("/claims/" + original + "/history").then()
                .body("items[-1].reason", equalTo("corrected by claim "
                        + billable.load(UUID.fromString(correction)).claim().patientControlNumber()));

        Loop claim = written(UUID.fromString(correction)).getLoops().get(0).findLoop("2300").get(0);
        assertEquals("11:B:7", claim.getSegment("CLM").getElementValue("CLM05"));
        assertThat(claim.findSegment("REF")).extracting(r -> r.getElementValue("REF01") + "=" + r.getElementValue("REF02"))
                .contains("F8=SBX-777");
        assertEquals("ABK:I10", claim.getSegment("HI").getElementValue("HI01"));

        // a draft correction is not correctable
        as("biller", s.practice()).post("/claims/" + correction + "/corrections").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("claim-not-correctable")).body("status", equalTo("DRAFT"));

        // the payer accepts the correction: ClaimReplaced for the original, with the correction's charges
        UUID c7 = UUID.fromString(correction);
        transitions.markReady(c7, "scrubber");
        transitions.markSubmitted(List.of(c7), UUID.randomUUID(), "biller");
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            transitions.accept(c7, "SBX-779", ClaimTransitions.SOURCE_277CA, "mailbox");
            TopicReader.Received replaced = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_REPLACED, original.toString()));
            EventSchemas.assertValid("claims", replaced.event());
            assertEquals(original.toString(), replaced.key());
            assertEquals(correction, replaced.data().path("correctionClaimId").asText());
            assertEquals(billable.load(c7).claim().patientControlNumber(),
                    replaced.data().path("correctionPatientControlNumber").asText());
            assertEquals("SBX-777", replaced.data().path("payerClaimControlNumber").asText());
            assertEquals(0, new java.math.BigDecimal("175.50").compareTo(replaced.data().path("totalCharge").decimalValue()));
            List<String> correctionLines = billable.load(c7).claim().lines().stream()
                    .map(l -> l.lineId() + "=" + l.chargeAmount().setScale(2)).toList();
            List<String> eventLines = new ArrayList<>();
            replaced.data().path("lines").forEach(l -> eventLines.add(l.path("lineId").asText() + "="
                    + l.path("chargeAmount").decimalValue().setScale(2)));
            assertEquals(correctionLines, eventLines);
            // a second 277CA of the correction publishes nothing more
            transitions.accept(c7, "SBX-779", ClaimTransitions.SOURCE_277CA, "mailbox");
            assertThat(topic.drain(TopicReader.ofType(EventTypes.CLAIM_REPLACED, original.toString()),
                    Duration.ofSeconds(3))).hasSize(1);
        }
        as("biller", s.practice()).get("/claims/" + original).then().body("status", equalTo("ACCEPTED"));
        as("biller", s.practice()).get("/claims/" + original + "/history").then()
                .body("items[-1].reason", equalTo("replaced by correction claim "
                        + billable.load(c7).claim().patientControlNumber() + ", accepted by the payer"))
                .body("items[-1].source", equalTo("277CA"));

        // a second correction; bad input; another practice
        as("biller", s.practice()).body(Map.of()).post("/claims/" + original + "/corrections").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("already-corrected"))
                .body("correctionClaimId", equalTo(correction));
        UUID other = accepted(s, "SBX-778");
        as("biller", s.practice()).body(Map.of("patientId", UUID.randomUUID().toString()))
                .post("/claims/" + other + "/corrections").then().statusCode(400);
        as("biller", s.practice()).body(Map.of("lines", List.of(Map.of("procedureCode", "99213", "units", 1,
                        "chargeAmount", 1.234, "serviceDate", "2026-11-20", "diagnosisPointers", List.of(1)))))
                .post("/claims/" + other + "/corrections").then().statusCode(400);
        as("biller", s.practice()).contentType("application/json").body("[1]")
                .post("/claims/" + other + "/corrections").then().statusCode(400);
        as("biller", ServiceRequests.practice()).post("/claims/" + other + "/corrections").then().statusCode(404);
        as("poster", s.practice()).post("/claims/" + other + "/corrections").then().statusCode(403);
        assertThat(claimsMadeFrom("replaces_claim_id", other)).isEmpty();

        // accepted without the payer's number: nothing to put in REF*F8
        UUID unnumbered = submitted(s).id();
        transitions.accept(unnumbered, null, ClaimTransitions.SOURCE_277CA, "mailbox");
        as("biller", s.practice()).post("/claims/" + unnumbered + "/corrections").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("payer-claim-number-unknown"));
        as("biller", s.practice()).post("/claims/" + unnumbered + "/void").then().statusCode(422);
        as("biller", s.practice()).post("/claims/" + UUID.randomUUID() + "/corrections").then().statusCode(404);
    }

    @Test
    void aVoidIsSentReadyAndItsAcceptanceVoidsTheClaimWithClaimVoided() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        UUID original = accepted(s, "SBX-900");
        String draft = ClaimResourceTest.create(s);
        as("biller", s.practice()).post("/claims/" + draft + "/void").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("claim-not-correctable")).body("status", equalTo("DRAFT"));
        as("biller", ServiceRequests.practice()).post("/claims/" + original + "/void").then().statusCode(404);

        String voidId = as("biller", s.practice()).post("/claims/" + original + "/void").then().statusCode(201)
                .body("status", equalTo("READY")).body("frequencyCode", equalTo("8"))
                .body("replacesClaimId", equalTo(original.toString())).extract().path("id");
        as("biller", s.practice()).post("/claims/" + original + "/void").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("already-voided")).body("voidClaimId", equalTo(voidId));
        as("biller", s.practice()).post("/claims/" + original + "/corrections").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("already-voided"));

        Loop claim = written(UUID.fromString(voidId)).getLoops().get(0).findLoop("2300").get(0);
        assertEquals("11:B:8", claim.getSegment("CLM").getElementValue("CLM05"));
        assertEquals("SBX-900", claim.getSegment("REF").getElementValue("REF02"));

        UUID v = UUID.fromString(voidId);
        transitions.markSubmitted(List.of(v), UUID.randomUUID(), "biller");
        as("biller", s.practice()).get("/claims/" + original).then().body("status", equalTo("ACCEPTED"));
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            transitions.accept(v, "SBX-901", ClaimTransitions.SOURCE_277CA, "mailbox");
            TopicReader.Received voided = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_VOIDED, original.toString()));
            EventSchemas.assertValid("claims", voided.event());
            assertEquals(original.toString(), voided.key());
            assertEquals(voidId, voided.data().path("voidClaimId").asText());
            assertEquals("SBX-900", voided.data().path("payerClaimControlNumber").asText());
            assertEquals(s.practice(), voided.data().path("practiceId").asText());
        }
        as("biller", s.practice()).get("/claims/" + original).then().body("status", equalTo("VOIDED"));
        as("biller", s.practice()).get("/claims/" + voidId).then().body("status", equalTo("VOIDED"));
        // a second 277CA for the void changes nothing; a second void is still a 409
        transitions.accept(v, "SBX-901", ClaimTransitions.SOURCE_277CA, "mailbox");
        as("biller", s.practice()).get("/claims/" + voidId).then().body("status", equalTo("VOIDED"));
        as("biller", s.practice()).post("/claims/" + original + "/void").then().statusCode(409);
        as("biller", s.practice()).get("/claims/" + original + "/history").then()
                .body("items[-1].toStatus", equalTo("VOIDED")).body("items[-1].source", equalTo("277CA"));
    }

    @Test
    void aPaidClaimIsVoidable() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        RemittanceAdjudicationTest.Submitted c = submitted(s);
        RemittanceTopicPublisher.publish(RemittanceAdjudicationTest.paid(c, UUID.randomUUID()));
        awaitStatus(s, c.id(), "PAID");
        as("biller", s.practice()).post("/claims/" + c.id() + "/void").then().statusCode(201)
                .body("frequencyCode", equalTo("8"));
    }

    /** RemittanceAdjudicationTest's publishing, without its instance. */
    static final class RemittanceTopicPublisher {
        static void publish(RemittancePosted p) {
            dev.revcycle.claims.support.RemittanceTopic.publish(p.accountId(),
                    dev.revcycle.claims.support.RemittanceTopic.event(p));
        }
    }
}
