package dev.revcycle.claims.x12;

import static dev.revcycle.claims.x12.SampleClaims.CLINIC;
import static dev.revcycle.claims.x12.SampleClaims.DOCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.imsweb.x12.Loop;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PriorPayer;
import dev.revcycle.claims.domain.PriorPayer.Adjustment;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The 837 of a secondary claim (2320/2330A/2330B/2430 with the primary's payment and adjustments), of a
 * correction (CLM05-3 7, REF*F8) and of a void (8), read back by revcycle's strict reader, StAEDI and the
 * independent imsweb x12-parser, every COB and frequency field equal to the claim's.
 */
class Claim837CoordinationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate PAID_ON = LocalDate.of(2026, 12, 1);

    private final Claim837Writer writer = new Claim837Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            new Claim837Writer.Parties("Revcycle Billing", "REVCYCLE", "Billing Office", "555-123-4567",
                    "Payer Sandbox", "PAYERSANDBOX"), CLOCK);

    private final PatientFacts jane = SampleClaims.patient("Jane", "Doe", LocalDate.of(1950, 1, 1), "F");
    private final CoverageFacts primary = SampleClaims.selfCoverage(jane);
    private final List<ClaimLine> lines = List.of(
            SampleClaims.line(1, "99213", List.of("25"), "1", "150.00", List.of(1), null, null),
            SampleClaims.line(2, "87880", List.of(), "1", "35.00", List.of(1), null, null));

    /** The primary paid 95.00 + 20.00 on its lines and took 1.00 at claim level (CO-253): AMT*D 114.00. */
    private final PriorPayer primaryPaid = new PriorPayer(primary, "SBX-CCN-1", PAID_ON, new BigDecimal("114.00"),
            new BigDecimal("35.00"), List.of(new Adjustment("CO", "253", new BigDecimal("1.00"))),
            List.of(new PriorPayer.Line(1, new BigDecimal("95.00"), List.of(
                            new Adjustment("CO", "45", new BigDecimal("30.00")),
                            new Adjustment("PR", "3", new BigDecimal("25.00")))),
                    new PriorPayer.Line(2, new BigDecimal("20.00"), List.of(
                            new Adjustment("CO", "45", new BigDecimal("5.00")),
                            new Adjustment("PR", "1", new BigDecimal("10.00"))))));

    private static CoverageFacts secondary(PatientFacts patient, String payerType, String payerName, String x12Id,
                                           String relationship) {
        boolean self = "SELF".equals(relationship);
        return new CoverageFacts(UUID.randomUUID(), patient.patientId(), SampleClaims.PRACTICE, UUID.randomUUID(),
                payerName, payerType, x12Id, 365, "2S" + x12Id, null, "Second Plan", "SECONDARY", relationship,
                self ? null : "John", self ? null : "Doe", self ? null : LocalDate.of(1948, 3, 4),
                LocalDate.of(2025, 1, 1), null, false, 1);
    }

    private BillableClaim claimOf(CoverageFacts coverage, String frequency, UUID primaryClaimId, UUID replacesClaimId,
                                  List<PriorPayer> priorPayers, String originalNumber) {
        BillableClaim base = SampleClaims.professional(jane, coverage, "RC0000000777", List.of("E11.9"), lines, DOCTOR, null);
        Claim c = base.claim();
        Claim claim = new Claim(c.id(), c.practiceId(), c.patientId(), c.coverageId(), c.type(), c.status(),
                c.patientControlNumber(), c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(),
                c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(), null, c.diagnoses(),
                c.lines(), c.totalCharge(), frequency, primaryClaimId, replacesClaimId, c.version());
        return new BillableClaim(claim, jane, coverage, null, CLINIC, DOCTOR, null, priorPayers, originalNumber);
    }

    private String write(BillableClaim claim) {
        AtomicLong sequence = new AtomicLong(500);
        return writer.write(sequence::incrementAndGet, List.of(claim)).x12();
    }

    private static List<String> segments(String x12) throws Exception {
        TransactionSet st = X12Reader.strict().read(x12).transactions().get(0);
        return st.segments().stream().map(Claim837WriterTest::text).toList();
    }

    private static com.imsweb.x12.reader.X12Reader imsweb(String x12, boolean institutional) throws Exception {
        return new com.imsweb.x12.reader.X12Reader(institutional
                ? com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X223
                : com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X222,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMedicareSecondaryClaimCarriesThePrimarysPaymentAndAdjustments() throws Exception {
        CoverageFacts medicare = secondary(jane, "MEDICARE", "Medicare Part B", "MCR01", "SELF");
        BillableClaim claim = claimOf(medicare, "1", UUID.randomUUID(), null, List.of(primaryPaid), null);
        String x12 = write(claim);
        Claim837WriterTest.assertNoStaediErrors(x12);

        assertThat(segments(x12)).containsSubsequence(
                "HL*2*1*22*0",
                // destination payer Medicare, secondary: SBR05 the MSP type (12, working aged, EGHP primary)
                "SBR*S*18**Second Plan*12****MB",
                "NM1*IL*1*Doe*Jane****MI*2SMCR01",
                "NM1*PR*2*Medicare Part B*****PI*MCR01",
                "CLM*RC0000000777*185.00***11:B:1*Y*A*Y*Y",
                "HI*ABK:E119",
                "NM1*82*1*Smith*Anna****XX*1245319599",
                // 2320: the primary's responsibility, claim-level CAS, what it paid, the patient's share left
                "SBR*P*18*GRP1******CI",
                "CAS*CO*253*1.00",
                "AMT*D*114.00",
                "AMT*EAF*35.00",
                "OI***Y*P**Y",
                // 2330A the other subscriber, 2330B the other payer, its paid date and claim number
                "NM1*IL*1*Doe*Jane****MI*M12345",
                "NM1*PR*2*Sandbox Health*****PI*SBX01",
                "DTP*573*D8*20261201",
                "REF*F8*SBX-CCN-1",
                "LX*1",
                "SV1*HC:99213:25*150.00*UN*1***1",
                "DTP*472*D8*20261120",
                // 2430 per line: SVD with the paid amount, CAS per group, the paid date
                "SVD*SBX01*95.00*HC:99213:25**1",
                "CAS*CO*45*30.00",
                "CAS*PR*3*25.00",
                "DTP*573*D8*20261201",
                "LX*2",
                "SVD*SBX01*20.00*HC:87880**1",
                "CAS*CO*45*5.00",
                "CAS*PR*1*10.00",
                "DTP*573*D8*20261201");

        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, false);
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop subscriber = reader.getLoops().get(0).findLoop("2000B").get(0);
        assertThat(subscriber.getSegment("SBR").getElementValue("SBR01")).isEqualTo("S");
        assertThat(subscriber.getSegment("SBR").getElementValue("SBR05")).isEqualTo("12");
        assertThat(subscriber.getSegment("SBR").getElementValue("SBR09")).isEqualTo("MB");
        Loop claimLoop = subscriber.getLoop("2300");
        assertThat(claimLoop.getSegment("CLM").getElementValue("CLM05")).isEqualTo("11:B:1");
        Loop other = claimLoop.getLoop("2320");
        assertThat(other.getSegment("SBR").getElementValue("SBR01")).isEqualTo("P");
        assertThat(other.getSegment("SBR").getElementValue("SBR09")).isEqualTo("CI");
        assertThat(other.getSegment("CAS").getElementValue("CAS01")).isEqualTo("CO");
        assertThat(other.getSegment("CAS").getElementValue("CAS02")).isEqualTo("253");
        assertThat(other.getSegment("CAS").getElementValue("CAS03")).isEqualTo("1.00");
        assertThat(other.findSegment("AMT")).extracting(s -> s.getElementValue("AMT01") + "=" + s.getElementValue("AMT02"))
                .containsExactly("D=114.00", "EAF=35.00");
        assertThat(other.getLoop("2330A").getSegment("NM1").getElementValue("NM109")).isEqualTo("M12345");
        Loop otherPayer = other.getLoop("2330B");
        assertThat(otherPayer.getSegment("NM1").getElementValue("NM103")).isEqualTo("Sandbox Health");
        assertThat(otherPayer.getSegment("NM1").getElementValue("NM109")).isEqualTo("SBX01");
        assertThat(otherPayer.getSegment("DTP").getElementValue("DTP03")).isEqualTo("20261201");
        assertThat(otherPayer.getSegment("REF").getElementValue("REF02")).isEqualTo("SBX-CCN-1");
        List<Loop> serviceLines = claimLoop.findLoop("2400");
        assertThat(serviceLines).hasSize(2);
        Loop paidLine = serviceLines.get(0).getLoop("2430");
        assertThat(paidLine.getSegment("SVD").getElementValue("SVD01")).isEqualTo("SBX01");
        assertThat(paidLine.getSegment("SVD").getElementValue("SVD02")).isEqualTo("95.00");
        assertThat(paidLine.getSegment("SVD").getElementValue("SVD03")).isEqualTo("HC:99213:25");
        assertThat(paidLine.findSegment("CAS")).extracting(s -> s.getElementValue("CAS01") + "-"
                + s.getElementValue("CAS02") + "=" + s.getElementValue("CAS03")).containsExactly("CO-45=30.00", "PR-3=25.00");
        assertThat(paidLine.getSegment("DTP").getElementValue("DTP01")).isEqualTo("573");
        assertThat(serviceLines.get(1).getLoop("2430").getSegment("SVD").getElementValue("SVD02")).isEqualTo("20.00");
    }

    @Test
    void aCommercialSecondaryForASpousesPlanHasNoMspTypeAndNamesTheOtherSubscriber() throws Exception {
        CoverageFacts spouses = secondary(jane, "COMMERCIAL", "Spouse Health", "SPH01", "SPOUSE");
        CoverageFacts primaryOfSpouse = new CoverageFacts(primary.coverageId(), jane.patientId(), SampleClaims.PRACTICE,
                primary.payerId(), "Sandbox Health", "WORKERS_COMP", "SBX01", 365, "M12345", null, "Comp Plan", "PRIMARY",
                "SELF", null, null, null, LocalDate.of(2025, 1, 1), null, false, 1);
        PriorPayer paid = new PriorPayer(primaryOfSpouse, null, PAID_ON, primaryPaid.paid(), primaryPaid.patientResponsibility(),
                List.of(), primaryPaid.lines());
        String x12 = write(claimOf(spouses, "1", UUID.randomUUID(), null, List.of(paid), null));
        assertThat(segments(x12)).containsSubsequence(
                "HL*2*1*22*1",
                "SBR*S***Second Plan*****CI",
                "NM1*IL*1*Doe*John****MI*2SSPH01",
                "NM1*PR*2*Spouse Health*****PI*SPH01",
                "HL*3*2*23*0",
                "PAT*01",
                "SBR*P*18**Comp Plan*****WC",
                "AMT*D*114.00",
                "NM1*IL*1*Doe*Jane****MI*M12345",
                "SVD*SBX01*95.00*HC:99213:25**1");
        assertThat(segments(x12)).noneMatch(s -> s.startsWith("REF*F8"));
        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, false);
        assertThat(reader.getErrors()).isEmpty();
        assertThat(reader.getFatalErrors()).isEmpty();
        Loop claimLoop = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(claimLoop.getLoop("2320").getSegment("SBR").getElementValue("SBR09")).isEqualTo("WC");

        // the same patient with Medicare second after workers' compensation: MSP type 15
        assertThat(Claim837Writer.medicareSecondaryType(secondary(jane, "MEDICARE", "Medicare", "MCR01", "SELF"),
                List.of(paid))).isEqualTo("15");
        assertThat(Claim837Writer.medicareSecondaryType(primary, List.of())).isNull();
    }

    @Test
    void medicareSecondCarriesTheCoveragesOwnMspTypeWhenEligibilityHasIt() throws Exception {
        CoverageFacts m = secondary(jane, "MEDICARE", "Medicare", "MCR01", "SELF");
        Map<String, String> codes = Map.of("WORKING_AGED", "12", "END_STAGE_RENAL_DISEASE", "13", "NO_FAULT", "14",
                "WORKERS_COMPENSATION", "15", "FEDERAL_AGENCY", "16", "BLACK_LUNG", "41", "VETERANS_AFFAIRS", "42",
                "DISABLED_LARGE_GROUP", "43", "OTHER_LIABILITY", "47");
        for (Map.Entry<String, String> e : codes.entrySet()) {
            assertThat(Claim837Writer.medicareSecondaryType(withMsp(m, e.getKey()), List.of())).as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        // an ESRD beneficiary's Medicare after the employer plan: 13 in the 837 itself, read back by imsweb
        CoverageFacts esrd = withMsp(m, "END_STAGE_RENAL_DISEASE");
        String x12 = write(claimOf(esrd, "1", UUID.randomUUID(), null, List.of(), null));
        Claim837WriterTest.assertNoStaediErrors(x12);
        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, false);
        assertThat(reader.getErrors()).isEmpty();
        assertThat(reader.getLoops().get(0).findLoop("2000B").get(0).getSegment("SBR").getElementValue("SBR05"))
                .isEqualTo("13");
        // Medicare billed first has none, whatever the coverage says
        CoverageFacts first = new CoverageFacts(m.coverageId(), m.patientId(), m.practiceId(), m.payerId(), m.payerName(),
                m.payerType(), m.x12PayerId(), m.timelyFilingDays(), m.memberId(), m.groupNumber(), m.planName(),
                "PRIMARY", m.subscriberRelationship(), null, null, null, m.effectiveDate(), null, false, 1,
                "END_STAGE_RENAL_DISEASE");
        assertThat(Claim837Writer.medicareSecondaryType(first, List.of())).isNull();
    }

    private static CoverageFacts withMsp(CoverageFacts c, String msp) {
        return new CoverageFacts(c.coverageId(), c.patientId(), c.practiceId(), c.payerId(), c.payerName(), c.payerType(),
                c.x12PayerId(), c.timelyFilingDays(), c.memberId(), c.groupNumber(), c.planName(), c.priority(),
                c.subscriberRelationship(), c.subscriberFirstName(), c.subscriberLastName(), c.subscriberDateOfBirth(),
                c.effectiveDate(), c.terminationDate(), c.terminated(), c.version(), msp);
    }

    @Test
    void aCorrectionIsFrequency7WithTheOriginalsPayerClaimControlNumber() throws Exception {
        BillableClaim correction = claimOf(primary, "7", null, UUID.randomUUID(), List.of(), "SBX-CCN-9");
        String x12 = write(correction);
        Claim837WriterTest.assertNoStaediErrors(x12);
        assertThat(segments(x12)).containsSubsequence(
                "SBR*P*18*GRP1******CI",
                "CLM*RC0000000777*185.00***11:B:7*Y*A*Y*Y",
                "REF*F8*SBX-CCN-9",
                "HI*ABK:E119");
        assertThat(segments(x12)).noneMatch(s -> s.startsWith("SVD") || s.startsWith("AMT"));
        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, false);
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop claimLoop = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(claimLoop.getSegment("CLM").getElementValue("CLM05")).isEqualTo("11:B:7");
        assertThat(claimLoop.getSegment("REF").getElementValue("REF01")).isEqualTo("F8");
        assertThat(claimLoop.getSegment("REF").getElementValue("REF02")).isEqualTo("SBX-CCN-9");
    }

    @Test
    void aVoidOfASecondaryClaimIsFrequency8WithREFF8AndStillItsCobLoops() throws Exception {
        CoverageFacts medicare = secondary(jane, "MEDICARE", "Medicare Part B", "MCR01", "SELF");
        BillableClaim voiding = claimOf(medicare, "8", UUID.randomUUID(), UUID.randomUUID(), List.of(primaryPaid), "MCR-CCN-2");
        String x12 = write(voiding);
        Claim837WriterTest.assertNoStaediErrors(x12);
        assertThat(segments(x12)).containsSubsequence(
                "CLM*RC0000000777*185.00***11:B:8*Y*A*Y*Y",
                "REF*F8*MCR-CCN-2",
                "SBR*P*18*GRP1******CI",
                "AMT*D*114.00",
                "REF*F8*SBX-CCN-1");
        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, false);
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop claimLoop = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(claimLoop.getSegment("CLM").getElementValue("CLM05")).isEqualTo("11:B:8");
        assertThat(claimLoop.getSegment("REF").getElementValue("REF02")).isEqualTo("MCR-CCN-2");
        assertThat(claimLoop.getLoop("2320").getLoop("2330B").getSegment("REF").getElementValue("REF02")).isEqualTo("SBX-CCN-1");
    }

    @Test
    void anInstitutionalCorrectionAndSecondaryCarryTheFrequencyInTheBillTypeAndSvdWithTheRevenueCode() throws Exception {
        BillableClaim base = SampleClaims.institutional(jane, secondary(jane, "COMMERCIAL", "Second Health", "SEC01", "SELF"),
                "RC0000000888", List.of("S72.001A"),
                List.of(SampleClaims.line(1, "27236", List.of("RT"), "1", "900.00", List.of(1), "0360", null)));
        Claim c = base.claim();
        Claim corrected = new Claim(c.id(), c.practiceId(), c.patientId(), c.coverageId(), c.type(), c.status(),
                c.patientControlNumber(), c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(),
                c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(), null, c.diagnoses(), c.lines(),
                c.totalCharge(), "7", UUID.randomUUID(), UUID.randomUUID(), c.version());
        PriorPayer paid = new PriorPayer(primary, "SBX-CCN-3", PAID_ON, new BigDecimal("700.00"), new BigDecimal("100.00"),
                List.of(), List.of(new PriorPayer.Line(1, new BigDecimal("700.00"), List.of(
                        new Adjustment("CO", "45", new BigDecimal("100.00")),
                        new Adjustment("PR", "1", new BigDecimal("100.00"))))));
        String x12 = write(new BillableClaim(corrected, jane, base.coverage(), null, CLINIC, DOCTOR, null, List.of(paid),
                "SEC-CCN-4"));
        Claim837WriterTest.assertNoStaediErrors(x12);
        assertThat(segments(x12)).containsSubsequence(
                "SBR*S*18**Second Plan*****CI",
                "CLM*RC0000000888*900.00***11:A:7**A*Y*Y",
                "REF*F8*SEC-CCN-4",
                "SBR*P*18*GRP1******CI",
                "AMT*D*700.00",
                "OI***Y***Y",
                "SV2*0360*HC:27236:RT*900.00*UN*1",
                "SVD*SBX01*700.00*HC:27236:RT*0360*1",
                "CAS*CO*45*100.00",
                "CAS*PR*1*100.00");
        com.imsweb.x12.reader.X12Reader reader = imsweb(x12, true);
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop claimLoop = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(claimLoop.getSegment("CLM").getElementValue("CLM05")).isEqualTo("11:A:7");
        assertThat(claimLoop.getLoop("2320").findSegment("AMT").get(0).getElementValue("AMT02")).isEqualTo("700.00");
        assertThat(claimLoop.findLoop("2430").get(0).getSegment("SVD").getElementValue("SVD04")).isEqualTo("0360");
    }

    @Test
    void whatThePrimaryLeftIsTheChargeLessItsPaymentAndItsNonPatientAdjustments() {
        assertThat(primaryPaid.leftAfter(new BigDecimal("185.00"))).isEqualByComparingTo("35.00");
        PriorPayer allContractual = new PriorPayer(primary, null, PAID_ON, new BigDecimal("100.00"), BigDecimal.ZERO,
                List.of(), List.of(new PriorPayer.Line(1, new BigDecimal("100.00"),
                List.of(new Adjustment("CO", "45", new BigDecimal("50.00"))))));
        assertThat(allContractual.leftAfter(new BigDecimal("150.00"))).isEqualByComparingTo("0.00");
        assertThat(primaryPaid.toString()).doesNotContain("Doe").doesNotContain("M12345");
    }
}
