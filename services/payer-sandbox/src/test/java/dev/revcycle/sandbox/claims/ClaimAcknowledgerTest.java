package dev.revcycle.sandbox.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.sandbox.Claims837;
import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Reader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimAcknowledgerTest {

    private final ClaimAcknowledger acknowledger = new ClaimAcknowledger(Inquiries.CLOCK);

    private static TransactionSet only(String x12) throws Exception {
        Interchange read = X12Reader.strict().read(x12);
        assertThat(read.transactions()).hasSize(1);
        return read.transactions().get(0);
    }

    private static List<String> ids(TransactionSet t) {
        return t.segments().stream().map(s -> s.id() + "*" + String.join("*", elements(s))).toList();
    }

    private static List<String> elements(Segment s) {
        return java.util.stream.IntStream.rangeClosed(1, s.elementCount()).mapToObj(i ->
                s.repetitions(i).get(0).components().size() > 1
                        ? String.join(":", s.repetitions(i).get(0).components()) : s.element(i)).toList();
    }

    @Test
    void validProfessionalSampleIsAcceptedWithA2PerClaim() throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(Claims837.sample("837_5010_x12_valid.txt"));

        assertThat(ack.submitter()).isEqualTo("SUBMITTERS.ID");
        assertThat(ack.interchangeControlNumber()).isEqualTo("000000905");
        assertThat(ack.files()).extracting(AnswerFile::type).containsExactly("999", "277CA");
        TransactionSet ack999 = only(ack.files().get(0).x12());
        assertThat(ack999.implementationGuide()).isEqualTo("005010X231A1");
        assertThat(ids(ack999)).containsExactly("AK1*HC*1*005010X222A1", "AK2*837*987654*005010X222A1", "IK5*A",
                "AK9*A*1*1*1");
        TransactionSet ca = only(ack.files().get(1).x12());
        assertThat(ca.implementationGuide()).isEqualTo("005010X214");
        assertThat(ca.segments("TRN")).extracting(s -> s.element(1) + "/" + s.element(2))
                .contains("2/A37YH556", "2/A37YH667");
        assertThat(ca.segments("STC")).extracting(s -> s.component(1, 1) + ":" + s.component(1, 2))
                .containsExactly("A1:20", "A2:20", "A2:20");
        assertThat(ca.segments("REF")).extracting(s -> s.element(1)).containsExactly("1K", "1K");
        assertThat(ca.segments("REF").get(0).element(2))
                .isEqualTo(ClaimAcknowledger.payerClaimControlNumber("SUBMITTERS.ID", "A37YH556"))
                .startsWith("SBX").hasSize(16);
        assertThat(ack.accepted()).hasSize(2);
        assertThat(ack.accepted().get(0).lines().get(0).procedureCode()).isEqualTo("99211");
        assertThat(ack.accepted().get(0).lines().get(0).modifiers()).containsExactly("25");
    }

    @Test
    void otherSeparatorsAndTheInstitutionalSampleAreAccepted() throws Exception {
        assertThat(acknowledger.acknowledge(Claims837.sample("837_5010_x12_valid_different_separators.txt"))
                .accepted()).hasSize(2);
        Acknowledgement institutional = acknowledger.acknowledge(Claims837.sample("837_5010_x223-test.txt"));
        assertThat(ids(only(institutional.files().get(0).x12()))).contains("IK5*A", "AK9*A*1*1*1");
        assertThat(institutional.accepted()).singleElement().satisfies(c -> {
            assertThat(c.firstDiagnosis()).isEqualTo("1739");
            assertThat(c.lines().get(0).procedureCode()).isEqualTo("81099");
        });
    }

    @Test
    void firstDiagnosisR69IsRejectedA7AndTheOthersAccepted() throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(Claims837.professional("PCN-OK", "E119", "PCN-R69", "R69"));

        TransactionSet ca = only(ack.files().get(1).x12());
        assertThat(ids(ca)).containsSubsequence("TRN*2*PCN-OK", "STC*A2:20*20260305*WQ*150.00", "REF*1K*"
                + ClaimAcknowledger.payerClaimControlNumber("CLINIC1", "PCN-OK"));
        assertThat(ids(ca)).containsSubsequence("TRN*2*PCN-R69", "STC*A7:21*20260305*U*150.00");
        assertThat(ids(ca)).contains("QTY*90*1", "QTY*AA*1", "AMT*YU*150.00", "AMT*YY*150.00");
        assertThat(ack.accepted()).extracting(ReceivedClaim::claimId).containsExactly("PCN-OK");
        assertThat(ack.accepted().get(0).lines().get(0).lineItemControlNumber()).isEqualTo("LINE-1");
    }

    @Test
    void badSegmentIdentifiersAreRejectedWithTheirPositions() throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(Claims837.sample("837_5010_x12_bad_segment_identifier.txt"));

        assertThat(ack.files()).extracting(AnswerFile::type).containsExactly("999");
        // interchange positions 6, 11 and 20 are transaction positions 4, 9 and 18 (ST = 1)
        assertThat(ids(only(ack.files().get(0).x12()))).containsExactly("AK1*HC*1*005010X222A1",
                "AK2*837*987654*005010X222A1", "IK3*ZZ*4**1", "IK3*ND4*9**1", "IK3*NM3*18**1", "IK5*R*5",
                "AK9*R*1*1*0");
        assertThat(ack.accepted()).isEmpty();
    }

    @Test
    void missingMandatoryElementsAreRejectedWithIk4() throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(Claims837.sample("837_5010_x12_missing_elements.txt"));

        List<String> segments = ids(only(ack.files().get(0).x12()));
        assertThat(segments).contains("IK3*NM1*5**8", "IK4*2**1", "IK5*R*5", "AK9*R*1*1*0");
    }

    @Test
    void segmentsOutOfOrderAreRejected() throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(Claims837.sample("837_5010_x12_segments_out_of_order.txt"));

        assertThat(ids(only(ack.files().get(0).x12()))).contains("IK3*N3*8**7", "IK3*N4*10**7", "IK5*R*5",
                "AK9*R*1*1*0");
        assertThat(ack.files()).hasSize(1);
    }

    @Test
    void noIsaIsNotAnInterchange() {
        assertThatThrownBy(() -> acknowledger.acknowledge(Claims837.sample("837_5010_x12_no_isa_line.txt")))
                .isInstanceOf(NotAnInterchangeException.class).hasMessageContaining("ISA");
        assertThatThrownBy(() -> acknowledger.acknowledge("hello")).isInstanceOf(NotAnInterchangeException.class);
    }
}
