package dev.revcycle.claims.x12;

import static dev.revcycle.claims.x12.SampleClaims.CLINIC;
import static dev.revcycle.claims.x12.SampleClaims.DOCTOR;
import static dev.revcycle.claims.x12.SampleClaims.REFERRER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imsweb.x12.Loop;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class Claim837WriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC);

    private final Claim837Writer writer = new Claim837Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            new Claim837Writer.Parties("Revcycle Billing", "REVCYCLE", "Billing Office", "555-123-4567",
                    "Payer Sandbox", "PAYERSANDBOX"), CLOCK);

    private final PatientFacts jane = SampleClaims.patient("Jane", "Doe", LocalDate.of(1980, 1, 1), "F");
    private final PatientFacts lucas = SampleClaims.patient("Lucás", "Garcia-Müller", LocalDate.of(2015, 6, 7), "M");

    private final BillableClaim selfProfessional = SampleClaims.professional(jane, SampleClaims.selfCoverage(jane),
            "PCN0001", List.of("E11.9", "I10"),
            List.of(SampleClaims.line(1, "99213", List.of("25"), "1", "150.00", List.of(1, 2), null, null),
                    SampleClaims.line(2, "J1100", List.of("JW", "59"), "2", "40.50", List.of(1), null, "00009-0047-01")),
            DOCTOR, REFERRER);
    private final BillableClaim dependentProfessional = SampleClaims.professional(lucas,
            SampleClaims.dependentCoverage(lucas), "PCN0002", List.of("J02.9"),
            List.of(SampleClaims.line(1, "87880", List.of(), "1", "35.00", List.of(1), null, null)), null, null);
    private final BillableClaim institutional = SampleClaims.institutional(jane, SampleClaims.selfCoverage(jane),
            "PCN0003", List.of("S72.001A", "W19.XXXA", "I10"),
            List.of(SampleClaims.line(1, "27236", List.of("RT"), "1", "5000.00", List.of(1), "0360", null),
                    SampleClaims.line(2, "85025", List.of(), "3", "45.00", List.of(1), "0300", null)));

    private Claim837Writer.Written write(BillableClaim... claims) {
        AtomicLong sequence = new AtomicLong(41);
        return writer.write(sequence::incrementAndGet, List.of(claims));
    }

    @Test
    void oneGroupAndTransactionPerClaimTypeWithControlNumbersFromTheSequence() throws Exception {
        Claim837Writer.Written written = write(selfProfessional, institutional, dependentProfessional);

        assertThat(written.interchangeControlNumber()).isEqualTo(42);
        assertThat(written.transactions()).extracting(Claim837Writer.WrittenTransaction::type)
                .containsExactly(ClaimType.PROFESSIONAL, ClaimType.INSTITUTIONAL);
        assertThat(written.transactions().get(0).groupControlNumber()).isEqualTo(43);
        assertThat(written.transactions().get(0).claimIds())
                .containsExactly(selfProfessional.claim().id(), dependentProfessional.claim().id());
        assertThat(written.transactions().get(1).groupControlNumber()).isEqualTo(44);

        Interchange read = X12Reader.strict().read(written.x12());
        assertThat(read.warnings()).isEmpty();
        assertThat(read.controlNumber()).isEqualTo("000000042");
        assertThat(read.groups()).extracting(g -> g.controlNumber() + "/" + g.version())
                .containsExactly("43/005010X222A1", "44/005010X223A2");
        assertThat(read.transactions()).extracting(TransactionSet::controlNumber).containsExactly("0001", "0001");
        assertNoStaediErrors(written.x12());
        // SE01 as written equals the segments counted
        for (String st : written.x12().split("~ST\\*")) {
            if (!st.startsWith("837")) {
                continue;
            }
            List<String> segments = Arrays.asList(st.split("~"));
            int se = segments.indexOf(segments.stream().filter(s -> s.startsWith("SE*")).findFirst().orElseThrow());
            assertThat(segments.get(se)).startsWith("SE*" + (se + 1) + "*");
        }
    }

    @Test
    void professionalSelfAndDependentReadBackByStaediWithTheClaimsFields() throws Exception {
        String x12 = write(selfProfessional, dependentProfessional).x12();
        TransactionSet st = X12Reader.strict().read(x12).transactions().get(0);
        List<String> lines = st.segments().stream().map(Claim837WriterTest::text).toList();

        assertThat(lines).containsSubsequence(
                "BHT*0019*00*43*20261125*0930*CH",
                "NM1*41*2*Revcycle Billing*****46*REVCYCLE",
                "PER*IC*Billing Office*TE*5551234567",
                "NM1*40*2*Payer Sandbox*****46*PAYERSANDBOX",
                "HL*1**20*1",
                "PRV*BI*PXC*207X00000X",
                "NM1*85*2*Bone & Joint Clinic*****XX*1234567893",
                "N3*100 Main St*Suite 2",
                "N4*Springfield*IL*627011234",
                "REF*EI*123456789",
                "HL*2*1*22*0",
                "SBR*P*18*GRP1******CI",
                "NM1*IL*1*Doe*Jane****MI*M12345",
                "N3*12 Elm St",
                "N4*Springfield*IL*62701",
                "DMG*D8*19800101*F",
                "NM1*PR*2*Sandbox Health*****PI*SBX01",
                "CLM*PCN0001*190.50***11:B:1*Y*A*Y*Y",
                "REF*G1*AUTH-77",
                "HI*ABK:E119*ABF:I10",
                "NM1*DN*1*Jones*Bob****XX*1003000126",
                "NM1*82*1*Smith*Anna****XX*1245319599",
                "PRV*PE*PXC*207X00000X",
                "LX*1",
                "SV1*HC:99213:25*150.00*UN*1***1:2",
                "DTP*472*D8*20261120",
                "LX*2",
                "SV1*HC:J1100:JW:59*40.50*UN*2***1",
                "DTP*472*D8*20261120",
                "LIN**N4*00009004701",
                "CTP****2*UN",
                // the second claim: a child on a parent's Medicaid, so 2000C carries the patient
                "HL*3*1*22*1",
                "SBR*S***Kids Plan*****MC",
                "NM1*IL*1*Garcia*Maria****MI*D99887",
                "NM1*PR*2*Medicaid of IL*****PI*MCD77",
                "HL*4*3*23*0",
                "PAT*19",
                "NM1*QC*1*Garcia-Muller*Lucas",
                "DMG*D8*20150607*M",
                "CLM*PCN0002*35.00***11:B:1*Y*A*Y*Y",
                "HI*ABK:J029",
                "SV1*HC:87880*35.00*UN*1***1");
    }

    @Test
    void professionalReadBackByTheImswebParser() throws Exception {
        String x12 = write(selfProfessional, dependentProfessional).x12();
        com.imsweb.x12.reader.X12Reader reader = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X222,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop isa = reader.getLoops().get(0);

        List<Loop> subscribers = isa.findLoop("2000B");
        assertThat(subscribers).hasSize(2);
        Loop first = subscribers.get(0);
        assertThat(first.getLoop("2010BA").getSegment("NM1").getElementValue("NM103")).isEqualTo("Doe");
        assertThat(first.getLoop("2010BA").getSegment("NM1").getElementValue("NM104")).isEqualTo("Jane");
        assertThat(first.getLoop("2010BA").getSegment("NM1").getElementValue("NM109")).isEqualTo("M12345");
        assertThat(first.getLoop("2010BB").getSegment("NM1").getElementValue("NM109")).isEqualTo("SBX01");
        Loop claim = first.getLoop("2300");
        assertThat(claim.getSegment("CLM").getElementValue("CLM01")).isEqualTo("PCN0001");
        assertThat(claim.getSegment("CLM").getElementValue("CLM02")).isEqualTo("190.50");
        assertThat(claim.getSegment("HI").getElementValue("HI01")).isEqualTo("ABK:E119");
        List<Loop> lines = claim.findLoop("2400");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getSegment("SV1").getElementValue("SV101")).isEqualTo("HC:99213:25");
        assertThat(lines.get(0).getSegment("SV1").getElementValue("SV102")).isEqualTo("150.00");
        assertThat(lines.get(1).getSegment("SV1").getElementValue("SV104")).isEqualTo("2");
        assertThat(lines.get(1).getLoop("2410").getSegment("LIN").getElementValue("LIN03")).isEqualTo("00009004701");

        Loop dependent = subscribers.get(1);
        assertThat(dependent.getLoop("2010BA").getSegment("NM1").getElementValue("NM109")).isEqualTo("D99887");
        Loop patient = dependent.getLoop("2000C");
        assertThat(patient.getSegment("PAT").getElementValue("PAT01")).isEqualTo("19");
        assertThat(patient.getLoop("2010CA").getSegment("NM1").getElementValue("NM103")).isEqualTo("Garcia-Muller");
        assertThat(patient.getLoop("2300").getSegment("CLM").getElementValue("CLM01")).isEqualTo("PCN0002");
        assertThat(patient.getLoop("2300").getSegment("CLM").getElementValue("CLM02")).isEqualTo("35.00");
    }

    @Test
    void institutionalReadBackByStaediAndTheImswebParser() throws Exception {
        String x12 = write(institutional).x12();
        assertNoStaediErrors(x12);
        TransactionSet st = X12Reader.strict().read(x12).transactions().get(0);
        assertThat(st.implementationGuide()).isEqualTo("005010X223A2");
        assertThat(st.segments().stream().map(Claim837WriterTest::text).toList()).containsSubsequence(
                "HL*1**20*1",
                "NM1*85*2*Bone & Joint Clinic*****XX*1234567893",
                "HL*2*1*22*0",
                "CLM*PCN0003*5045.00***11:A:1**A*Y*Y",
                "DTP*434*RD8*20261118-20261120",
                "DTP*435*D8*20261118",
                "CL1*9**01",
                "HI*ABK:S72001A",
                "HI*ABF:W19XXXA*ABF:I10",
                "NM1*71*1*Smith*Anna****XX*1245319599",
                "LX*1",
                "SV2*0360*HC:27236:RT*5000.00*UN*1",
                "DTP*472*D8*20261120",
                "SV2*0300*HC:85025*45.00*UN*3");

        com.imsweb.x12.reader.X12Reader reader = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X223,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.getFatalErrors()).isEmpty();
        // x12-parser 1.13 tells HI segments apart by position only, so the guide's separate principal (ABK)
        // and other-diagnosis (ABF) HI segments of an 837I count as one HI used twice; nothing else is reported.
        assertThat(reader.getErrors()).containsOnly("HI in loop 2300 appears too many times");
        Loop isa = reader.getLoops().get(0);
        Loop claim = isa.findLoop("2300").get(0);
        assertThat(claim.getSegment("CLM").getElementValue("CLM01")).isEqualTo("PCN0003");
        assertThat(claim.getSegment("CLM").getElementValue("CLM02")).isEqualTo("5045.00");
        assertThat(isa.findLoop("2010BA").get(0).getSegment("NM1").getElementValue("NM109")).isEqualTo("M12345");
        List<Loop> lines = claim.findLoop("2400");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getSegment("SV2").getElementValue("SV201")).isEqualTo("0360");
        assertThat(lines.get(0).getSegment("SV2").getElementValue("SV203")).isEqualTo("5000.00");
    }

    @Test
    void institutionalWithOnlyAPrincipalDiagnosisReadsCleanInTheImswebParser() throws Exception {
        BillableClaim single = SampleClaims.institutional(jane, SampleClaims.selfCoverage(jane), "PCN0004",
                List.of("S72.001A"), List.of(SampleClaims.line(1, "27236", List.of(), "1", "900.00", List.of(1), "0360", null)));
        String x12 = write(single).x12();
        com.imsweb.x12.reader.X12Reader reader = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X223,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop claim = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(claim.getSegment("CLM").getElementValue("CLM02")).isEqualTo("900.00");
        assertThat(claim.getSegment("HI").getElementValue("HI01")).isEqualTo("ABK:S72001A");
    }

    @Test
    void selfPayClaimsAreRefusedByIdOnly() {
        BillableClaim selfPay = new BillableClaim(selfProfessional.claim(), jane, null, null, CLINIC, null, null);
        assertThatThrownBy(() -> write(selfPay))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(selfProfessional.claim().id().toString())
                .hasMessageNotContaining("Doe");
    }

    @Test
    void aDelimiterTypedInANameBecomesASpace() throws Exception {
        PatientFacts odd = SampleClaims.patient("Ann*Marie", "O~Neil", LocalDate.of(1990, 1, 1), "F");
        BillableClaim claim = SampleClaims.professional(odd, SampleClaims.selfCoverage(odd), "PCN9", List.of("R51.9"),
                List.of(SampleClaims.line(1, "99212", List.of(), "1", "80.00", List.of(1), null, null)), null, null);
        TransactionSet st = X12Reader.strict().read(write(claim).x12()).transactions().get(0);
        assertThat(st.segments().stream().map(Claim837WriterTest::text)).contains("NM1*IL*1*O Neil*Ann Marie****MI*M12345");
    }

    static void assertNoStaediErrors(String x12) throws Exception {
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event.name().endsWith("_ERROR")) {
                    errors.add(event + " " + reader.getErrorType() + " at " + reader.getLocation());
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    /** A segment as X12 text with the standard delimiters, trailing empties dropped. */
    static String text(Segment segment) {
        StringBuilder out = new StringBuilder(segment.id());
        for (int i = 1; i <= segment.elementCount(); i++) {
            out.append('*');
            List<dev.revcycle.x12.Element> repetitions = segment.repetitions(i);
            out.append(String.join("^", repetitions.stream().map(e -> String.join(":", e.components())).toList()));
        }
        return out.toString();
    }
}
