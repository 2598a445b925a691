package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.claims.ClaimReplaced;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claims' ClaimReplaced (the payer accepted a correction): the original's standing charges are reversed and the
 * correction's lines posted on the correction claim, append-only, the balance the correction's total, verify
 * consistent; a redelivery, another practice's event and a late ClaimChanged of the correction's draft change nothing;
 * a secondary claim's correction moves nothing.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimReplacedTest {

    static void correctionCreated(UUID correction, UUID original, String practice, UUID patient, UUID coverage,
                                  List<ClaimLineCharge> lines) {
        BigDecimal total = lines.stream().map(ClaimLineCharge::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Topics2.send(Topics.CLAIMS, correction.toString(), Topics2.event(EventTypes.CLAIM_CREATED, correction,
                new ClaimCreated(correction, practice, patient, coverage, UUID.randomUUID(), "PROFESSIONAL",
                        pcn(correction), total, lines, null, original, 1)));
    }

    static String replaced(UUID original, UUID correction, String practice, UUID patient, List<ClaimLineCharge> lines) {
        BigDecimal total = lines.stream().map(ClaimLineCharge::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Topics2.event(EventTypes.CLAIM_REPLACED, original, new ClaimReplaced(original, practice, patient,
                pcn(original), "SBX-7", correction, pcn(correction), total, lines, Instant.now(), 4));
    }

    static String pcn(UUID claim) {
        return "PCN" + claim.toString().substring(0, 8);
    }

    static JsonPath ledger(String practice, UUID account) {
        return as("poster", practice).get("/accounts/" + account + "/ledger").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAcceptedCorrectionMovesTheOriginalsChargesToItsLinesOnce() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID account = Topics2.accountOf(patient, practice);
        UUID coverage = UUID.randomUUID();
        UUID original = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Topics2.claimCreated(original, practice, patient, coverage,
                List.of(Topics2.line(1, "100.00", LedgerTest.DAY), Topics2.line(2, "50.00", LedgerTest.DAY)), null);
        Topics2.claimCreated(kept, practice, patient, coverage, List.of(Topics2.line(1, "30.00", LedgerTest.DAY)), null);
        LedgerTest.awaitBalance(practice, account, "180.00");

        // the correction drops line 2 and charges 120.00 for line 1: as a draft it posts nothing
        UUID correction = UUID.randomUUID();
        ClaimLineCharge corrected = Topics2.line(1, "120.00", LedgerTest.DAY.plusDays(1));
        List<ClaimLineCharge> lines = List.of(corrected);
        String event = replaced(original, correction, practice, patient, lines);
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            // on another partition, the correction's ClaimCreated may be read after this: then this is retried
            correctionCreated(correction, original, practice, patient, coverage, lines);
            Topics2.send(Topics.CLAIMS, original.toString(), event);
            LedgerTest.awaitBalance(practice, account, "150.00");
            var reversals = reader.await(TopicReader.ofType(EventTypes.ADJUSTMENT_POSTED, account.toString()), 2,
                    Duration.ofSeconds(20));
            reversals.forEach(r -> EventSchemas.assertValid("payments", r.event()));
            assertThat(reversals).allSatisfy(r -> assertThat(r.data().path("kind").asText()).isEqualTo("REVERSAL"));
            var charge = reader.awaitOne(TopicReader.ofType(EventTypes.CHARGE_POSTED, account.toString()));
            EventSchemas.assertValid("payments", charge.event());
            assertThat(charge.data().path("claimId").asText()).isEqualTo(correction.toString());
            assertThat(charge.data().path("amount").decimalValue()).isEqualByComparingTo("120.00");
        }
        JsonPath entries = ledger(practice, account);
        assertThat(entries.getInt("total")).isEqualTo(6);
        List<Map<String, Object>> items = entries.getList("items");
        assertThat(items).filteredOn(e -> "REVERSAL".equals(e.get("type"))).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("sourceReference")).isEqualTo(original + " replaced by " + correction));
        assertThat(items).filteredOn(e -> "CHARGE".equals(e.get("type")) && correction.toString().equals(e.get("claimId")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("claimLineId")).isEqualTo(corrected.lineId().toString());
                    assertThat(e.get("responsibility")).isEqualTo("INSURANCE");
                    assertThat(e.get("effectiveDate")).isEqualTo(LedgerTest.DAY.plusDays(1).toString());
                });
        as("poster", practice).get("/accounts/" + account).then().body("insuranceBalance", equalTo(150.0f));
        LedgerTest.verified(practice, account);

        // the same event again; another practice's; a late ClaimChanged of the correction's draft: nothing
        Topics2.send(Topics.CLAIMS, original.toString(), event);
        Topics2.send(Topics.CLAIMS, kept.toString(), replaced(kept, UUID.randomUUID(), practice(), patient, lines));
        List<ClaimLineCharge> draft = List.of(Topics2.line(1, "99.00", LedgerTest.DAY));
        Topics2.send(Topics.CLAIMS, correction.toString(), Topics2.event(EventTypes.CLAIM_CHANGED, correction,
                new ClaimChanged(correction, practice, patient, coverage, null, pcn(correction), new BigDecimal("99.00"),
                        draft, null, original, 2)));
        UUID marker = UUID.randomUUID();
        Topics2.claimCreated(marker, practice, patient, coverage, List.of(Topics2.line(1, "5.00", LedgerTest.DAY)), null);
        LedgerTest.awaitBalance(practice, account, "155.00");
        Topics2.settle();
        assertThat(ledger(practice, account).getInt("total")).isEqualTo(7);
        as("poster", practice).get("/accounts/" + account).then().body("balance", equalTo(155.0f));
        LedgerTest.verified(practice, account);
    }

    @Test
    void aSecondaryClaimsCorrectionMovesNothing() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID account = Topics2.accountOf(patient, practice);
        UUID primary = UUID.randomUUID();
        UUID secondary = UUID.randomUUID();
        Topics2.claimCreated(primary, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "80.00", LedgerTest.DAY)), null);
        Topics2.claimCreated(secondary, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "80.00", LedgerTest.DAY)), primary);
        LedgerTest.awaitBalance(practice, account, "80.00");
        UUID correction = UUID.randomUUID();
        List<ClaimLineCharge> lines = List.of(Topics2.line(1, "70.00", LedgerTest.DAY));
        correctionCreated(correction, secondary, practice, patient, UUID.randomUUID(), lines);
        Topics2.send(Topics.CLAIMS, secondary.toString(), replaced(secondary, correction, practice, patient, lines));
        UUID marker = UUID.randomUUID();
        Topics2.claimCreated(marker, practice, patient, null, List.of(Topics2.line(1, "5.00", LedgerTest.DAY)), null);
        LedgerTest.awaitBalance(practice, account, "85.00");
        Topics2.settle();
        assertThat(ledger(practice, account).getInt("total")).isEqualTo(2);
        LedgerTest.verified(practice, account);
    }
}
