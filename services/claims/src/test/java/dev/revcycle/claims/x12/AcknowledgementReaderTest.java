package dev.revcycle.claims.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgementReaderTest {

    private final AcknowledgementReader reader = new AcknowledgementReader();

    @Test
    void acceptingSample999() throws Exception {
        Ack999 ack = (Ack999) reader.read(Samples.sample("837_5010_x12_999_accepted.txt"));

        assertThat(ack.interchangeControlNumber()).isEqualTo("000000286");
        // the sample's IEA02 (000000001) does not repeat its ISA13: a warning, not a refusal
        assertThat(ack.warnings()).isNotEmpty();
        assertThat(ack.groups()).hasSize(1);
        Ack999.Group group = ack.groups().get(0);
        assertThat(group.groupControlNumber()).isEqualTo("17456");
        assertThat(group.version()).isEqualTo("005010X223A2");
        assertThat(group.accepted()).isTrue();
        assertThat(group.transactions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("837");
            assertThat(t.controlNumber()).isEqualTo("1");
            assertThat(t.accepted()).isTrue();
            assertThat(t.errors()).isEmpty();
        });
        assertThat(ack.verdict(17456, "0001")).hasValueSatisfying(t -> assertThat(t.accepted()).isTrue());
        assertThat(ack.verdict(17457, "0001")).isEmpty();
    }

    @Test
    void rejectingSample999WithItsSegmentError() throws Exception {
        Ack999 ack = (Ack999) reader.read(Samples.sample("837_5010_x12_999_rejected.txt"));

        Ack999.Group group = ack.groups().get(0);
        assertThat(group.groupControlNumber()).isEqualTo("28");
        assertThat(group.code()).isEqualTo("R");
        assertThat(group.accepted()).isFalse();
        Ack999.Transaction transaction = group.transactions().get(0);
        assertThat(transaction.controlNumber()).isEqualTo("28");
        assertThat(transaction.code()).isEqualTo("R");
        assertThat(transaction.errorCodes()).containsExactly("5");
        assertThat(transaction.errors()).singleElement().satisfies(e -> {
            assertThat(e.segmentId()).isEqualTo("NM");
            assertThat(e.position()).isEqualTo("17");
            assertThat(e.code()).isEqualTo("1");
        });
        assertThat(transaction.reason()).isEqualTo("837 rejected by the clearinghouse (999 IK5 R 5: one or more "
                + "segments in error); segment NM at position 17: unrecognized segment");
        assertThat(ack.verdict(28, "0028")).hasValueSatisfying(t -> assertThat(t.accepted()).isFalse());
    }

    @Test
    void ik4AddsTheElementToItsSegmentError() throws Exception {
        String x999 = "ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       *261125*1000*^*00501*000000007*0*T*:~"
                + "GS*FA*PAYERSANDBOX*REVCYCLE*20261125*1000*7*X*005010X231A1~ST*999*0001*005010X231A1~"
                + "AK1*HC*43*005010X222A1~AK2*837*0001*005010X222A1~IK3*NM1*12*2010BA*8~IK4*9*66*7~IK5*R*5~"
                + "AK2*837*0002*005010X222A1~IK5*A~AK9*P*2*2*1~SE*10*0001~GE*1*7~IEA*1*000000007~";
        Ack999 ack = (Ack999) reader.read(x999);

        assertThat(ack.warnings()).isEmpty();
        Ack999.Transaction rejected = ack.verdict(43, "0001").orElseThrow();
        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.loopId()).isEqualTo("2010BA");
            assertThat(e.elementPosition()).isEqualTo("9");
            assertThat(e.elementCode()).isEqualTo("7");
        });
        assertThat(rejected.reason()).endsWith("segment NM1 at position 12 in loop 2010BA: segment has data element "
                + "errors, element 9: invalid code value");
        assertThat(ack.verdict(43, "0002")).hasValueSatisfying(t -> assertThat(t.accepted()).isTrue());
        assertThat(ack.groups().get(0).code()).isEqualTo("P");
    }

    @Test
    void acceptingSample277CA() throws Exception {
        Ack277CA ack = (Ack277CA) reader.read(Samples.sample("277_5010_x12_277CA_accepted.txt"));

        assertThat(ack.interchangeControlNumber()).isEqualTo("000014420");
        assertThat(ack.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.patientControlNumber()).isEqualTo("5781");
            assertThat(claim.payerClaimNumber()).isEqualTo("1107000000014420");
            assertThat(claim.totalCharge()).isEqualByComparingTo(new BigDecimal("125.00"));
            assertThat(claim.statuses()).singleElement().satisfies(s -> {
                assertThat(s.category()).isEqualTo("A2");
                assertThat(s.statusCode()).isEqualTo("20");
                assertThat(s.accepted()).isTrue();
                assertThat(s.reason()).isEqualTo("Accepted into the adjudication system: accepted for processing");
            });
        });
    }

    @Test
    void rejectingSample277CAWithItsReason() throws Exception {
        Ack277CA ack = (Ack277CA) reader.read(Samples.sample("277_5010_x12_277CA_rejected.txt"));

        Ack277CA.ClaimStatus claim = ack.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("3920394930203");
        assertThat(claim.payerClaimNumber()).isEqualTo("1107000000001120");
        Ack277CA.Status status = claim.decisive();
        assertThat(status.category()).isEqualTo("A7");
        assertThat(status.statusCode()).isEqualTo("562");
        assertThat(status.entityCode()).isEqualTo("85");
        assertThat(status.rejected()).isTrue();
        assertThat(status.reason()).isEqualTo(
                "Rejected for invalid information: entity's national provider identifier (NPI) (billing provider)");
    }

    @Test
    void a1IsReceivedOnlyAndLineStatusesAreNotTheClaims() throws Exception {
        String x277 = "ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       *261125*1000*^*00501*000000009*0*T*:~"
                + "GS*HN*PAYERSANDBOX*REVCYCLE*20261125*1000*9*X*005010X214~ST*277*0001*005010X214~"
                + "BHT*0085*08*1*20261125*1000*TH~HL*1**20*1~NM1*PR*2*SANDBOX*****PI*SBX01~HL*2*1*21*1~"
                + "NM1*41*2*REVCYCLE*****46*REVCYCLE~HL*3*2*19*1~NM1*85*2*CLINIC*****XX*1234567893~HL*4*3*PT~"
                + "NM1*QC*1*DOE*JANE~TRN*2*PCN0001~STC*A1:19*20261125*WQ*190.50~SVC*HC:99213*150.00~"
                + "STC*A7:454*20261125*U*150.00~SE*15*0001~GE*1*9~IEA*1*000000009~";
        Ack277CA ack = (Ack277CA) reader.read(x277);

        Ack277CA.ClaimStatus claim = ack.claims().get(0);
        assertThat(claim.statuses()).extracting(Ack277CA.Status::category).containsExactly("A1");
        assertThat(claim.decisive().received()).isTrue();
        assertThat(claim.payerClaimNumber()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not x12 at all",
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261125*1000*^*00501*000000001*0*T*:~"
                    + "GS*HC*A*B*20261125*1000*1*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*1*20261125*1000*CH~"
                    + "SE*3*0001~GE*1*1~IEA*1*000000001~",
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261125*1000*^*00501*000000001*0*T*:~"
                    + "GS*FA*A*B*20261125*1000*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*5~AK2*837*0001~"
                    + "SE*4*0001~GE*1*1~IEA*1*000000001~",
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261125*1000*^*00501*000000001*0*T*:~"
                    + "GS*HN*A*B*20261125*1000*1*X*005010X214~ST*277*0001*005010X214~HL*1**20*1~HL*4*1*PT~"
                    + "STC*A2:20~SE*5*0001~GE*1*1~IEA*1*000000001~"})
    void malformedAcknowledgementsAreAClearProblem(String x12) {
        assertThatThrownBy(() -> reader.read(x12))
                .isInstanceOf(AcknowledgementException.class)
                .hasMessageMatching(".*(X12|no transaction|not an acknowledgement|AK2 without IK5|TRN\\*2).*");
    }
}
