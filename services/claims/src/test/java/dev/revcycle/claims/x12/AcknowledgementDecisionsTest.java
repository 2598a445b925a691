package dev.revcycle.claims.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.claims.x12.AcknowledgementDecisions.Kind;
import dev.revcycle.claims.x12.AcknowledgementDecisions.SentTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AcknowledgementDecisionsTest {

    private final AcknowledgementReader reader = new AcknowledgementReader();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void a999RejectionRejectsEveryClaimOfTheTransaction() throws Exception {
        Acknowledgement ack = reader.read(Samples.sample("837_5010_x12_999_rejected.txt"));
        AcknowledgementDecisions.Result result = AcknowledgementDecisions.decide(ack,
                gs06 -> gs06 == 28 ? List.of(new SentTransaction(28, "0028", List.of(a, b))) : List.of(),
                pcn -> Optional.empty());

        assertThat(result.unmatched()).isEmpty();
        assertThat(result.decisions()).extracting(AcknowledgementDecisions.Decision::claimId).containsExactly(a, b);
        assertThat(result.decisions()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.REJECTED);
            assertThat(d.codes()).isEqualTo("999 IK5 R 5");
            assertThat(d.reason()).contains("one or more segments in error");
        });
    }

    @Test
    void a999AcceptanceIsHistoryOnlyAndAnUnknownGroupIsUnmatched() throws Exception {
        Acknowledgement ack = reader.read(Samples.sample("837_5010_x12_999_accepted.txt"));
        assertThat(AcknowledgementDecisions.decide(ack,
                gs06 -> List.of(new SentTransaction(17456, "0001", List.of(a))), pcn -> Optional.empty()).decisions())
                .singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(Kind.RECEIVED));
        assertThat(AcknowledgementDecisions.decide(ack, gs06 -> List.of(), pcn -> Optional.empty()).unmatched())
                .containsExactly("group 17456");
    }

    @Test
    void a277caDecidesPerClaimByPatientControlNumber() throws Exception {
        Acknowledgement accepted = reader.read(Samples.sample("277_5010_x12_277CA_accepted.txt"));
        assertThat(AcknowledgementDecisions.decide(accepted, gs06 -> List.of(),
                pcn -> pcn.equals("5781") ? Optional.of(a) : Optional.empty()).decisions())
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Kind.ACCEPTED);
                    assertThat(d.codes()).isEqualTo("A2:20");
                    assertThat(d.payerClaimNumber()).isEqualTo("1107000000014420");
                });

        Acknowledgement rejected = reader.read(Samples.sample("277_5010_x12_277CA_rejected.txt"));
        assertThat(AcknowledgementDecisions.decide(rejected, gs06 -> List.of(), pcn -> Optional.of(b)).decisions())
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(d.codes()).isEqualTo("A7:562:85");
                    assertThat(d.reason()).startsWith("Rejected for invalid information");
                });
        assertThat(AcknowledgementDecisions.decide(rejected, gs06 -> List.of(), pcn -> Optional.empty()).unmatched())
                .containsExactly("claim 3920394930203");
    }
}
