package dev.revcycle.claims.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 276 read back by StAEDI, services/x12's strict reader and imsweb's x12-parser; the 277 reader over payers' answers. */
class ClaimStatus276WriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:30:00Z"), ZoneOffset.UTC);
    static final ClaimStatus276Writer WRITER = new ClaimStatus276Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            new ClaimStatus276Writer.Submitter("RevCycle Billing", "REVCYCLE", "PAYERSANDBOX"), CLOCK);

    static BillableClaim selfClaim() {
        PatientFacts patient = SampleClaims.patient("José", "Müller", LocalDate.of(1980, 1, 1), "M");
        return SampleClaims.professional(patient, SampleClaims.selfCoverage(patient), "RC0000000042", List.of("E11.9"),
                List.of(SampleClaims.line(1, "99213", List.of(), "1", "150.00", List.of(1), null, null),
                        SampleClaims.line(2, "81002", List.of(), "1", "25.50", List.of(1), null, null)),
                SampleClaims.DOCTOR, null);
    }

    static BillableClaim dependentClaim() {
        PatientFacts child = SampleClaims.patient("Lucia", "Garcia", LocalDate.of(2015, 5, 6), "F");
        return SampleClaims.professional(child, SampleClaims.dependentCoverage(child), "RC0000000043", List.of("J02.9"),
                List.of(SampleClaims.line(1, "99392", List.of(), "1", "120.00", List.of(1), null, null)),
                null, null);
    }

    /** Every segment as id + elements, read by StAEDI (and no *_ERROR event on the way). */
    static List<List<String>> staedi(String x12) throws Exception {
        List<List<String>> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))) {
            List<String> current = null;
            boolean inComposite = false;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        current = new ArrayList<>();
                        current.add(reader.getText());
                    }
                    case END_SEGMENT -> segments.add(current);
                    case START_COMPOSITE -> {
                        inComposite = true;
                        current.add("");
                    }
                    case END_COMPOSITE -> inComposite = false;
                    case ELEMENT_DATA -> {
                        if (inComposite) {
                            String sofar = current.remove(current.size() - 1);
                            current.add(sofar.isEmpty() ? reader.getText() : sofar + ":" + reader.getText());
                        } else {
                            current.add(reader.getText());
                        }
                    }
                    default -> {
                        if (event.name().endsWith("_ERROR")) {
                            errors.add(event + " " + reader.getErrorType() + " at " + reader.getLocation());
                        }
                    }
                }
            }
        }
        assertThat(errors).isEmpty();
        return segments;
    }

    static List<String> first(List<List<String>> segments, String id, String qualifier) {
        return segments.stream().filter(s -> s.get(0).equals(id) && (qualifier == null || s.get(1).equals(qualifier)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + "*" + qualifier));
    }

    @Test
    void a276ForASubscriberReadsBackWithTheClaimsIdentifiersPayerProviderAndDates() throws Exception {
        BillableClaim claim = selfClaim();
        String x276 = WRITER.write(77, "TRACE0001", claim, "SBX1234567890123");

        List<List<String>> read = staedi(x276);
        assertThat(first(read, "ST", null)).containsExactly("ST", "276", "0001", "005010X212");
        assertThat(first(read, "GS", null).get(1)).isEqualTo("HR");
        assertThat(first(read, "GS", null).get(8)).isEqualTo("005010X212");
        assertThat(first(read, "NM1", "PR")).containsSubsequence("Sandbox Health", "PI", "SBX01");
        assertThat(first(read, "NM1", "41")).containsSubsequence("46", "REVCYCLE");
        assertThat(first(read, "NM1", "1P")).containsSubsequence("2", "Bone & Joint Clinic", "XX", claim.billingProvider().npi());
        assertThat(first(read, "NM1", "IL")).containsSubsequence("Muller", "Jose", "MI", "M12345");
        assertThat(first(read, "TRN", "1")).containsExactly("TRN", "1", "TRACE0001");
        assertThat(first(read, "REF", "1K")).containsExactly("REF", "1K", "SBX1234567890123");
        assertThat(first(read, "REF", "EJ")).containsExactly("REF", "EJ", claim.claim().patientControlNumber());
        assertThat(first(read, "AMT", "T3")).containsExactly("AMT", "T3", "175.50");
        String from = claim.claim().firstServiceDate().toString().replace("-", "");
        String to = claim.claim().lastServiceDate().toString().replace("-", "");
        assertThat(first(read, "DTP", "472")).containsExactly("DTP", "472", from.equals(to) ? "D8" : "RD8",
                from.equals(to) ? from : from + "-" + to);
        assertThat(read.stream().filter(s -> s.get(0).equals("HL")).map(s -> String.join("*", s)))
                .containsExactly("HL*1**20*1", "HL*2*1*21*1", "HL*3*2*19*1", "HL*4*3*22*0");

        Interchange strict = X12Reader.strict().read(x276);
        assertThat(strict.warnings()).isEmpty();
        assertThat(Long.parseLong(strict.controlNumber())).isEqualTo(77);
        TransactionSet st = strict.transactions().get(0);
        assertThat(st.first("BHT").orElseThrow().element(3)).isEqualTo("TRACE0001");
    }

    @Test
    void a276ForADependentNamesTheSubscriberAndThePatientInTheirOwnLevels() throws Exception {
        BillableClaim claim = dependentClaim();
        String x276 = WRITER.write(78, "TRACE0002", claim, null);
        List<List<String>> read = staedi(x276);
        assertThat(read.stream().filter(s -> s.get(0).equals("HL")).map(s -> String.join("*", s)))
                .containsExactly("HL*1**20*1", "HL*2*1*21*1", "HL*3*2*19*1", "HL*4*3*22*1", "HL*5*4*23");
        assertThat(first(read, "NM1", "IL")).containsSubsequence("Garcia", "Maria", "MI", "D99887");
        assertThat(first(read, "NM1", "QC")).containsSubsequence("Garcia", "Lucia");
        assertThat(first(read, "NM1", "PR")).containsSubsequence("PI", "MCD77");
        assertThat(read.stream().noneMatch(s -> s.get(0).equals("REF") && s.get(1).equals("1K"))).isTrue();
        assertThat(first(read, "REF", "EJ")).containsExactly("REF", "EJ", "RC0000000043");
        assertThat(X12Reader.strict().read(x276).warnings()).isEmpty();
    }

    /**
     * The same 276s read by the independent reader, com.imsweb:x12-parser, with our 005010X212 map ({@link Imsweb276}):
     * no error, every loop where the guide puts it, and the payer, provider, subscriber, dependent, TRN, REF, AMT and
     * DTP equal to the claim's.
     */
    @Test
    void the276sReadBackByTheImswebParserInTheirLoopsWithTheClaimsValues() throws Exception {
        BillableClaim claim = selfClaim();
        com.imsweb.x12.reader.X12Reader reader = Imsweb276.read(WRITER.write(82, "TRACE0005", claim, "SBX1234567890123"));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        com.imsweb.x12.Loop isa = reader.getLoops().get(0);
        assertThat(isa.getSegment("ISA").getElementValue("ISA13")).isEqualTo("000000082");
        assertThat(isa.getLoop("GS_LOOP").getSegment("GS").getElementValue("GS08")).isEqualTo("005010X212");
        com.imsweb.x12.Loop st = isa.getLoop("GS_LOOP").getLoop("ST_LOOP");
        assertThat(st.getSegment("ST").getElementValue("ST03")).isEqualTo("005010X212");
        assertThat(st.getLoop("HEADER").getSegment("BHT").getElementValue("BHT03")).isEqualTo("TRACE0005");
        com.imsweb.x12.Loop payer = isa.findLoop("2100A").get(0);
        assertThat(payer.getSegment("NM1").getElementValue("NM103")).isEqualTo("Sandbox Health");
        assertThat(payer.getSegment("NM1").getElementValue("NM108")).isEqualTo("PI");
        assertThat(payer.getSegment("NM1").getElementValue("NM109")).isEqualTo("SBX01");
        com.imsweb.x12.Loop receiver = isa.findLoop("2100B").get(0);
        assertThat(receiver.getSegment("NM1").getElementValue("NM109")).isEqualTo("REVCYCLE");
        com.imsweb.x12.Loop provider = isa.findLoop("2100C").get(0);
        assertThat(provider.getSegment("NM1").getElementValue("NM103")).isEqualTo("Bone & Joint Clinic");
        assertThat(provider.getSegment("NM1").getElementValue("NM108")).isEqualTo("XX");
        assertThat(provider.getSegment("NM1").getElementValue("NM109")).isEqualTo(claim.billingProvider().npi());
        com.imsweb.x12.Loop subscriberLevel = isa.findLoop("2000D").get(0);
        assertThat(subscriberLevel.getSegment("HL").getElementValue("HL04")).isEqualTo("0");
        com.imsweb.x12.Loop subscriber = subscriberLevel.getLoop("2100D");
        assertThat(subscriber.getSegment("NM1").getElementValue("NM103")).isEqualTo("Muller");
        assertThat(subscriber.getSegment("NM1").getElementValue("NM104")).isEqualTo("Jose");
        assertThat(subscriber.getSegment("NM1").getElementValue("NM109")).isEqualTo("M12345");
        assertThat(subscriberLevel.hasLoop("2000E")).isFalse();
        com.imsweb.x12.Loop inquiry = subscriberLevel.getLoop("2200D");
        assertThat(inquiry.getSegment("TRN").getElementValue("TRN02")).isEqualTo("TRACE0005");
        assertThat(inquiry.findSegment("REF").stream().map(r -> r.getElementValue("REF01") + "=" + r.getElementValue("REF02")))
                .containsExactly("1K=SBX1234567890123", "EJ=" + claim.claim().patientControlNumber());
        assertThat(inquiry.getSegment("AMT").getElementValue("AMT02")).isEqualTo(claim.claim().totalCharge().toPlainString());
        String from = claim.claim().firstServiceDate().toString().replace("-", "");
        String to = claim.claim().lastServiceDate().toString().replace("-", "");
        assertThat(inquiry.getSegment("DTP").getElementValue("DTP01")).isEqualTo("472");
        assertThat(inquiry.getSegment("DTP").getElementValue("DTP03")).isEqualTo(from.equals(to) ? from : from + "-" + to);

        BillableClaim child = dependentClaim();
        reader = Imsweb276.read(WRITER.write(83, "TRACE0006", child, null));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        com.imsweb.x12.Loop level = reader.getLoops().get(0).findLoop("2000D").get(0);
        assertThat(level.getSegment("HL").getElementValue("HL04")).isEqualTo("1");
        assertThat(level.getLoop("2100D").getSegment("NM1").getElementValue("NM103")).isEqualTo("Garcia");
        assertThat(level.getLoop("2100D").getSegment("NM1").getElementValue("NM104")).isEqualTo("Maria");
        assertThat(level.getLoop("2100D").getSegment("NM1").getElementValue("NM109")).isEqualTo("D99887");
        assertThat(level.hasLoop("2200D")).isFalse();
        com.imsweb.x12.Loop dependent = level.getLoop("2000E");
        assertThat(dependent.getSegment("HL").getElementValue("HL02")).isEqualTo(level.getSegment("HL").getElementValue("HL01"));
        assertThat(dependent.getLoop("2100E").getSegment("NM1").getElementValue("NM103")).isEqualTo("Garcia");
        assertThat(dependent.getLoop("2100E").getSegment("NM1").getElementValue("NM104")).isEqualTo("Lucia");
        com.imsweb.x12.Loop dependentInquiry = dependent.getLoop("2200E");
        assertThat(dependentInquiry.getSegment("TRN").getElementValue("TRN02")).isEqualTo("TRACE0006");
        assertThat(dependentInquiry.findSegment("REF").stream().map(r -> r.getElementValue("REF01") + "=" + r.getElementValue("REF02")))
                .containsExactly("EJ=RC0000000043");
        assertThat(dependentInquiry.getSegment("AMT").getElementValue("AMT02")).isEqualTo("120.00");
        assertThat(reader.getLoops().get(0).findLoop("2100A").get(0).getSegment("NM1").getElementValue("NM109")).isEqualTo("MCD77");

        // the lent file type is its own again: a 4010 837 is what it expects, not our 276
        assertThat(Imsweb276.LENT.getDefinition().getXid()).isEqualTo("837");
    }

    /** The map is not lenient: a 276 against the guide is read with errors (a missing TRN, a wrong qualifier). */
    @Test
    void theImswebMapRefusesA276AgainstTheGuide() throws Exception {
        String x276 = WRITER.write(84, "TRACE0007", selfClaim(), null);
        assertThat(Imsweb276.read(x276.replace("NM1*PR*2", "NM1*PR*9")).getErrors()).isNotEmpty();
        assertThat(Imsweb276.read(x276.replace("*PI*SBX01", "*ZZ*SBX01")).getErrors()).isNotEmpty();
        assertThat(Imsweb276.read(x276.replace("REF*EJ", "REF*QQ")).getErrors()).isNotEmpty();
    }

    @Test
    void aSelfPayClaimHasNoPayerToAsk() {
        PatientFacts patient = SampleClaims.patient("Ana", "Lopez", LocalDate.of(1980, 1, 1), "F");
        BillableClaim insured = SampleClaims.professional(patient, SampleClaims.selfCoverage(patient), "RC0000000044",
                List.of("E11.9"), List.of(SampleClaims.line(1, "99213", List.of(), "1", "150.00", List.of(1), null, null)),
                null, null);
        BillableClaim claim = new BillableClaim(insured.claim(), patient, null, null, insured.billingProvider(), null, null);
        assertThatThrownBy(() -> WRITER.write(79, "T", claim, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Lopez");
    }

    @Test
    void the277ReaderTakesTheStatusAmountsAndDatesOfOurClaim() throws Exception {
        String x276 = WRITER.write(80, "TRACE0003", selfClaim(), null);
        String x277 = Sample277.answer(x276, "F1:65", "SBX0000000000042", "20261130", null, "175.50", "140.40",
                "20261129", null, "20261130", "CHK778899");
        ClaimStatus277 read = new ClaimStatus277Reader().read(x277, "TRACE0003");
        assertThat(read.first().category()).isEqualTo("F1");
        assertThat(read.first().statusCode()).isEqualTo("65");
        assertThat(read.first().reason()).isEqualTo("Finalized: payment: claim/line has been paid");
        assertThat(read.charge()).isEqualByComparingTo(new BigDecimal("175.50"));
        assertThat(read.paid()).isEqualByComparingTo(new BigDecimal("140.40"));
        assertThat(read.statusDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(read.paidDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(read.checkDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(read.checkNumber()).isEqualTo("CHK778899");
        assertThat(read.payerClaimControlNumber()).isEqualTo("SBX0000000000042");
    }

    @Test
    void a277ForAnotherInquiryOrNotX12IsRefusedWithoutQuotingIt() {
        String x276 = WRITER.write(81, "TRACE0004", selfClaim(), null);
        String x277 = Sample277.answer(x276, "A4:35", null, "20261130");
        assertThatThrownBy(() -> new ClaimStatus277Reader().read(x277, "OTHER"))
                .isInstanceOf(AcknowledgementException.class).hasMessageContaining("does not answer this inquiry");
        assertThatThrownBy(() -> new ClaimStatus277Reader().read("<html>502 Bad Gateway</html>", "TRACE0004"))
                .isInstanceOf(AcknowledgementException.class).hasMessageContaining("not readable X12");
        assertThatThrownBy(() -> new ClaimStatus277Reader().read(x277.replace("20261130", "2026113X"), "TRACE0004"))
                .isInstanceOf(AcknowledgementException.class);
    }

    @Test
    void theCodeTableNamesEveryCategoryOfThe277() {
        for (String category : List.of("A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "P0", "P1", "P2", "P3",
                "P4", "P5", "F0", "F1", "F2", "F3", "F4", "R0", "R1", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10",
                "R11", "R12", "R13", "R14", "R15", "R16", "E0", "E1", "E2", "E3", "E4")) {
            assertThat(ClaimStatusCodes.describe(category, null, null)).doesNotStartWith("Status category");
        }
        assertThat(ClaimStatusCodes.describe("A4", "35", null)).isEqualTo("Not found: claim/encounter not found");
        assertThat(ClaimStatusCodes.describe("P1", "20", null)).isEqualTo("Pending: in process: accepted for processing");
        assertThat(ClaimStatusCodes.describe("F2", "1", null))
                .isEqualTo("Finalized: denial: for more detailed information, see remittance advice");
    }
}
