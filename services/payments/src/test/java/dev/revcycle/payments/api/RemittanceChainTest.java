package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.clearinghouse.JdbcMailboxStore;
import dev.revcycle.common.clearinghouse.MailboxClient;
import dev.revcycle.common.clearinghouse.MailboxPolling;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.payments.clearinghouse.RemittanceMailboxHandler;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The chain as it runs in production, with the real payer sandbox as the clearinghouse: an 837 carrying the
 * claim's patient control number is accepted (277CA A2), the sandbox's remittance run puts its 835 in the
 * submitter's mailbox, and payments' poller (common's, with payments' 835 handler) takes it from there, posts it
 * to the claim's account and publishes RemittancePosted — once, whatever the number of polls.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class RemittanceChainTest {

    @ConfigProperty(name = "revcycle.clearinghouse.url")
    String sandbox;

    @Inject
    JdbcMailboxStore store;

    @Inject
    RemittanceMailboxHandler handler;

    /** An 837P as claims writes it (no REF*6R: the line is its LX number), one claim of one 99213 line. */
    static String professional837(String submitter, String pcn, String charge, String serviceDate) {
        String isa06 = String.format("%-15s", submitter);
        String[] segments = {
                "ISA*00*          *00*          *ZZ*" + isa06 + "*ZZ*PAYERSANDBOX   *261130*1200*^*00501*000000007*0*T*:",
                "GS*HC*" + submitter + "*PAYERSANDBOX*20261130*1200*7*X*005010X222A1",
                "ST*837*0001*005010X222A1",
                "BHT*0019*00*CHAIN7*20261130*1200*CH",
                "NM1*41*2*BONE AND JOINT CLINIC*****46*" + submitter,
                "PER*IC*BILLING*TE*5555550100",
                "NM1*40*2*SANDBOX HEALTH*****46*PAYERSANDBOX",
                "HL*1**20*1",
                "NM1*85*2*BONE AND JOINT CLINIC*****XX*1234567893",
                "N3*1 MAIN ST",
                "N4*SPRINGFIELD*IL*627011234",
                "REF*EI*123456789",
                "HL*2*1*22*0",
                "SBR*P*18*******CI",
                "NM1*IL*1*DOE*JANE****MI*M12345",
                "NM1*PR*2*SANDBOX HEALTH*****PI*SBX01",
                "CLM*" + pcn + "*" + charge + "***11:B:1*Y*A*Y*Y",
                "HI*ABK:E119",
                "LX*1",
                "SV1*HC:99213*" + charge + "*UN*1***1",
                "DTP*472*D8*" + serviceDate,
        };
        StringBuilder text = new StringBuilder();
        for (String s : segments) {
            text.append(s).append("~\n");
        }
        int count = segments.length - 2 + 1; // ST … SE
        text.append("SE*").append(count).append("*0001~\n").append("GE*1*7~\n").append("IEA*1*000000007~\n");
        return text.toString();
    }

    @Test
    void aClaimTheSandboxAcceptedIsPaidByIts835ThroughTheMailboxOnce() {
        String practice = practice();
        java.util.UUID patient = RemittancePostingTest.patient(practice);
        RemittancePostingTest.Claim claim = RemittancePostingTest.claim(practice, patient, "125.00");
        LedgerTest.awaitBalance(practice, claim.account(), "125.00");
        String submitter = "CH" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));

        given().baseUri(sandbox).contentType("text/plain")
                .body(professional837(submitter, claim.pcn(), "125", RemittancePostingTest.DAY.format(DateTimeFormatter.BASIC_ISO_DATE)))
                .post("/x12/837").then().statusCode(202);
        // the sandbox's rule for 99213 (its README): allowed 80 % = 100.00, CO-45 25.00, PR-3 copay 25.00, paid 75.00
        given().baseUri(sandbox).contentType("application/json").body("{}").post("/remittance-runs").then()
                .statusCode(200).body("files", hasSize(1)).body("files[0].claims", equalTo(1))
                .body("files[0].paymentAmount", equalTo(75.0f));

        MailboxPolling polling = new MailboxPolling("payments-chain:" + submitter, submitter,
                new MailboxClient(sandbox, Duration.ofSeconds(2), Duration.ofSeconds(10)), store, List.of(handler));
        try (TopicReader reader = new TopicReader(Topics.PAYMENTS)) {
            MailboxPolling.Round round = polling.pollOnce();
            assertThat(round.failure()).isNull();
            assertThat(round.processed()).isEqualTo(3); // the 999 and the 277CA are claims' (skipped here), the 835 posted
            List<TopicReader.Received> posted = reader.await(TopicReader.ofType(EventTypes.REMITTANCE_POSTED,
                    claim.account().toString()), 1, Duration.ofSeconds(20));
            EventSchemas.assertValid("payments", posted.get(0).event());
            JsonNode event = posted.get(0).data();
            assertThat(event.path("claimId").asText()).isEqualTo(claim.id().toString());
            assertThat(event.path("patientControlNumber").asText()).isEqualTo(claim.pcn());
            assertThat(event.path("claimStatusCode").asText()).isEqualTo("1");
            assertThat(event.path("paid").decimalValue()).isEqualByComparingTo("75.00");
            assertThat(event.path("patientResponsibility").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(event.path("lines").get(0).path("allowed").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(event.path("lines").get(0).path("claimLineId").asText()).isNotEmpty();
        }
        as("poster", practice).get("/accounts/" + claim.account()).then().statusCode(200)
                .body("insuranceBalance", equalTo(0.0f)).body("patientBalance", equalTo(25.0f));
        LedgerTest.verified(practice, claim.account());
        int entries = as("poster", practice).get("/accounts/" + claim.account() + "/ledger").then().statusCode(200)
                .extract().path("total");

        // another poll, and a poller restarted over the stored cursor: the 835 is not posted again
        assertThat(polling.pollOnce().processed()).isZero();
        assertThat(new MailboxPolling("payments-chain:" + submitter, submitter,
                new MailboxClient(sandbox, Duration.ofSeconds(2), Duration.ofSeconds(10)), store, List.of(handler))
                .pollOnce().processed()).isZero();
        as("poster", practice).get("/accounts/" + claim.account() + "/ledger").then().statusCode(200)
                .body("total", equalTo(entries));
        LedgerTest.verified(practice, claim.account());
    }
}
