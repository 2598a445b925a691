package dev.revcycle.payments.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.payments.domain.remittance.CasAdjustment;
import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceBalance;
import dev.revcycle.payments.domain.remittance.RemittanceClaim;
import dev.revcycle.payments.domain.remittance.ServiceLine;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Remittance835ReaderTest {

    static String resource(String name) {
        try (InputStream in = Remittance835ReaderTest.class.getResourceAsStream("/x12/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Remittance read(String name) throws Remittance835Exception {
        List<Remittance> all = new Remittance835Reader().read(resource(name));
        assertEquals(1, all.size());
        return all.get(0);
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    @Test
    void readsPaymentTracePayerAndEveryClaim() throws Exception {
        Remittance r = read("835_multi_claims.txt");
        assertEquals("SANDBOX HEALTH PLAN", r.payerName());
        assertEquals("1512345678", r.payerId());
        assertEquals("TRACE0001", r.traceNumber());
        assertEquals(money("230"), r.paymentAmount());
        assertEquals(LocalDate.of(2026, 11, 30), r.paymentDate());
        assertEquals(LocalDate.of(2026, 11, 29), r.productionDate());
        assertEquals(LocalDate.of(2026, 12, 1), r.interchangeDate());
        assertEquals(3, r.claims().size());
        assertTrue(r.warnings().isEmpty(), r.warnings()::toString);
        assertTrue(RemittanceBalance.imbalances(r).isEmpty());
    }

    @Test
    void readsClaimAndLineDetail() throws Exception {
        RemittanceClaim c = read("835_multi_claims.txt").claims().get(0);
        assertEquals("PCN-1001", c.patientControlNumber());
        assertEquals("1", c.statusCode());
        assertEquals(money("300"), c.charged());
        assertEquals(money("180"), c.paid());
        assertEquals(money("40"), c.patientResponsibility());
        assertEquals("12", c.filingIndicator());
        assertEquals("PAYERCLM1", c.payerClaimControlNumber());
        assertEquals(LocalDate.of(2026, 11, 10), c.serviceDate());
        assertTrue(c.adjustments().isEmpty());
        assertEquals(2, c.lines().size());
        ServiceLine l = c.lines().get(0);
        assertEquals("HC", l.qualifier());
        assertEquals("99213", l.procedureCode());
        assertEquals(List.of("25"), l.modifiers());
        assertEquals(money("200"), l.charged());
        assertEquals(money("120"), l.paid());
        assertEquals(0, BigDecimal.ONE.compareTo(l.units()));
        assertEquals("1", l.lineControlNumber());
        assertEquals(LocalDate.of(2026, 11, 10), l.serviceDate());
        assertEquals(money("150"), l.allowed());
        assertEquals(List.of(new CasAdjustment("CO", "45", money("50"), null),
                new CasAdjustment("PR", "2", money("30"), null)), l.adjustments());
        assertEquals(List.of("N130"), l.remarkCodes());
        // a CAS with two triples, one with a quantity
        assertEquals(List.of(new CasAdjustment("CO", "45", money("30"), BigDecimal.ONE),
                new CasAdjustment("PR", "1", money("10"), null)), c.lines().get(1).adjustments());
    }

    @Test
    void claimLevelCasAndDenial() throws Exception {
        Remittance r = read("835_multi_claims.txt");
        RemittanceClaim second = r.claims().get(1);
        assertTrue(second.lines().isEmpty());
        assertEquals(2, second.adjustments().size());
        RemittanceClaim third = r.claims().get(2);
        assertTrue(third.denied());
        assertNull(third.patientResponsibility());
    }

    @Test
    void readsReversalAndProviderLevelAdjustments() throws Exception {
        Remittance r = read("835_reversal_plb.txt");
        assertTrue(r.claims().get(0).reversal());
        assertEquals(money("-50"), r.claims().get(0).paid());
        assertEquals(2, r.providerAdjustments().size());
        assertEquals("L6", r.providerAdjustments().get(0).reasonCode());
        assertEquals("PAYERCLM4", r.providerAdjustments().get(0).reference());
        assertEquals(money("-5"), r.providerAdjustments().get(0).amount());
        assertEquals("WO", r.providerAdjustments().get(1).reasonCode());
        assertEquals(money("10"), r.providerAdjustmentTotal());
        assertEquals(LocalDate.of(2026, 12, 31), r.providerAdjustments().get(0).fiscalPeriod());
        assertTrue(RemittanceBalance.imbalances(r).isEmpty(), () -> RemittanceBalance.imbalances(r).toString());
    }

    @Test
    void otherSeparatorsAndAnImpossibleBpr16AreAWarningWithTheDateFromDtm405() throws Exception {
        Remittance r = read("835_other_separators_bad_date.txt");
        assertEquals(money("50"), r.paymentAmount());
        assertEquals(LocalDate.of(2026, 11, 29), r.paymentDate());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("BPR16 (segment 4)"), r.warnings().get(0));
        assertTrue(RemittanceBalance.imbalances(r).isEmpty());
    }

    @Test
    void withoutDtm405TheInterchangeDateIsThePaymentDate() throws Exception {
        String text = resource("835_other_separators_bad_date.txt").replace("DTM|405|20261129\n", "")
                .replace("SE|13|", "SE|12|");
        Remittance r = new Remittance835Reader().read(text).get(0);
        assertEquals(LocalDate.of(2026, 12, 1), r.paymentDate());
    }

    @Test
    void anAmountWithThreeDecimalsIsRefusedNamingTheSegment() {
        Remittance835Exception e = assertThrows(Remittance835Exception.class, () -> read("835_bad_amount.txt"));
        assertEquals("CLP04 (segment 12) is not an amount (a decimal with at most two places)", e.getMessage());
    }

    @Test
    void malformedX12IsRefusedNamingTheSegmentAndNoValue() {
        String text = resource("835_multi_claims.txt").replace("CLP*PCN-1002", "clp*PCN-1002");
        Remittance835Exception e = assertThrows(Remittance835Exception.class, () -> new Remittance835Reader().read(text));
        assertTrue(e.getMessage().contains("segment"), e.getMessage());
        assertFalse(e.getMessage().contains("PCN-1002"), e.getMessage());
        assertThrows(Remittance835Exception.class, () -> new Remittance835Reader().read("not x12"));
    }

    @Test
    void aWrongSegmentCountIsRefused() {
        String text = resource("835_multi_claims.txt").replaceFirst("SE\\*\\d+\\*", "SE*3*");
        Remittance835Exception e = assertThrows(Remittance835Exception.class, () -> new Remittance835Reader().read(text));
        assertTrue(e.getMessage().contains("SE01"), e.getMessage());
    }

    @Test
    void casOutsideAClaimIsRefused() {
        String text = resource("835_multi_claims.txt").replace("LX*1~", "LX*1~\nCAS*CO*45*1~")
                .replaceFirst("SE\\*(\\d+)\\*", "SE*" + (segmentCount("835_multi_claims.txt") + 1) + "*");
        Remittance835Exception e = assertThrows(Remittance835Exception.class, () -> new Remittance835Reader().read(text));
        assertTrue(e.getMessage().startsWith("a CAS outside a CLP claim loop (segment"), e.getMessage());
    }

    private static int segmentCount(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SE\\*(\\d+)\\*").matcher(resource(name));
        m.find();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void unbalancedFileNamesEveryImbalanceWithoutPatientData() throws Exception {
        Remittance r = read("835_unbalanced.txt");
        List<String> found = RemittanceBalance.imbalances(r);
        assertEquals(List.of(
                "BPR02 240.00 ≠ ΣCLP04 180.00 − ΣPLB 0.00 = 180.00",
                "claim at segment 12: CLP03 300.00 − CLP04 180.00 = 120.00 but its CAS adjustments total 110.00",
                "line 1 (SVC at segment 13) of the claim at segment 12: SVC02 200.00 − SVC03 120.00 = 80.00 but its CAS "
                        + "adjustments total 70.00"), found);
        dev.revcycle.common.domain.Unprocessable e = assertThrows(dev.revcycle.common.domain.Unprocessable.class,
                () -> RemittanceBalance.check(r));
        assertEquals("remittance-unbalanced", e.reason().code());
        assertFalse(e.getMessage().contains("PCN-1001"));
    }
}
