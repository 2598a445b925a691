package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ClaimVoided;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claims' ClaimVoided (the payer accepted a void): the claim's charges are reversed on the ledger, append-only
 * (REVERSAL entries beside the charges), the balance back to what it was, verify consistent; a redelivery and a
 * second ClaimVoided change nothing; another practice's ClaimVoided touches nothing.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimVoidedTest {

    static String voided(UUID claimId, String practiceId, UUID patientId) {
        return Topics2.event(EventTypes.CLAIM_VOIDED, claimId, new ClaimVoided(claimId, practiceId, patientId,
                "PCN" + claimId.toString().substring(0, 8), "SBX-1", UUID.randomUUID(), "RC0000000001", Instant.now(), 6));
    }

    static int entries(String practice, UUID account) {
        return as("poster", practice).get("/accounts/" + account + "/ledger").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void aVoidedClaimsChargesAreReversedOnceAndTheLedgerStaysConsistent() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID account = Topics2.accountOf(patient, practice);
        UUID claim = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Topics2.claimCreated(claim, practice, patient, UUID.randomUUID(),
                List.of(Topics2.line(1, "100.00", LedgerTest.DAY), Topics2.line(2, "50.00", LedgerTest.DAY)), null);
        Topics2.claimCreated(kept, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "30.00", LedgerTest.DAY)), null);
        LedgerTest.awaitBalance(practice, account, "180.00");
        assertThat(entries(practice, account)).isEqualTo(3);

        String event = voided(claim, practice, patient);
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            Topics2.send(Topics.CLAIMS, claim.toString(), event);
            LedgerTest.awaitBalance(practice, account, "30.00");
            var reversals = reader.await(TopicReader.ofType(EventTypes.ADJUSTMENT_POSTED, account.toString()), 2,
                    Duration.ofSeconds(20));
            reversals.forEach(r -> EventSchemas.assertValid("payments", r.event()));
            assertThat(reversals).allSatisfy(r -> assertThat(r.data().path("kind").asText()).isEqualTo("REVERSAL"));
            var balance = reader.awaitOne(TopicReader.ofType(EventTypes.ACCOUNT_BALANCE_CHANGED, account.toString()));
            EventSchemas.assertValid("payments", balance.event());
        }
        as("poster", practice).get("/accounts/" + account + "/ledger").then().statusCode(200)
                .body("total", equalTo(5)).body("items[0].type", equalTo("REVERSAL"))
                .body("items[1].type", equalTo("REVERSAL"));
        as("poster", practice).get("/accounts/" + account).then().body("insuranceBalance", equalTo(30.0f));
        LedgerTest.verified(practice, account);

        // the same event again, a second ClaimVoided, another practice's ClaimVoided of the other claim: nothing
        Topics2.send(Topics.CLAIMS, claim.toString(), event);
        Topics2.send(Topics.CLAIMS, claim.toString(), voided(claim, practice, patient));
        Topics2.send(Topics.CLAIMS, kept.toString(), voided(kept, practice(), patient));
        UUID marker = UUID.randomUUID();
        Topics2.claimCreated(marker, practice, patient, UUID.randomUUID(), List.of(Topics2.line(1, "5.00", LedgerTest.DAY)), null);
        LedgerTest.awaitBalance(practice, account, "35.00");
        Topics2.settle();
        assertThat(entries(practice, account)).isEqualTo(6);
        as("poster", practice).get("/accounts/" + account).then().body("balance", equalTo(35.0f));
        LedgerTest.verified(practice, account);
    }
}
