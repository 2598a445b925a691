package dev.revcycle.payments.domain.remittance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.ReasonCode;
import dev.revcycle.payments.domain.Responsibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RemittancePostingPlanTest {

    static final UUID ACCOUNT = UUID.randomUUID();
    static final UUID CLAIM = UUID.randomUUID();
    static final UUID LINE1 = UUID.randomUUID();
    static final UUID LINE2 = UUID.randomUUID();
    static final LocalDate DOS = LocalDate.of(2026, 11, 10);
    static final LocalDate PAID = LocalDate.of(2026, 11, 30);
    static final String REF = "remittance-1";
    static final MatchedClaim MATCHED = new MatchedClaim(ACCOUNT, CLAIM, List.of(
            new MatchedClaim.Line(LINE1, 1, "", "99213", DOS), new MatchedClaim.Line(LINE2, 2, "", "85025", DOS)));

    static BigDecimal m(String v) {
        return new BigDecimal(v).setScale(2);
    }

    static CasAdjustment cas(String group, String carc, String amount) {
        return new CasAdjustment(group, carc, m(amount), null);
    }

    static ServiceLine line(int n, String code, String charged, String paid, String ref, CasAdjustment... cas) {
        return new ServiceLine(20 + n, n, "HC", code, List.of(), m(charged), m(paid), BigDecimal.ONE, ref, DOS,
                null, List.of(cas), List.of());
    }

    static RemittanceClaim claim(String status, String charged, String paid, List<CasAdjustment> cas,
                                 ServiceLine... lines) {
        return new RemittanceClaim(12, "PCN-1", status, m(charged), m(paid), null, "12", "PAYER-1", DOS, cas,
                List.of(), List.of(lines));
    }

    static PlannedEntry entry(EntryType type, String amount, Responsibility r, UUID line, ReasonCode reason) {
        return new PlannedEntry(type, m(amount), r, CLAIM, line, reason, EntrySource.REMITTANCE, REF, PAID);
    }

    static RemittanceClaim paidWithLineCas(String status) {
        return claim(status, "300", "180", List.of(),
                line(1, "99213", "200", "120", "1", cas("CO", "45", "50"), cas("PR", "2", "30")),
                line(2, "85025", "100", "60", "2", cas("CO", "45", "30"), cas("PR", "1", "10")));
    }

    @Test
    void paymentPerLineContractualAdjustmentAndPatientTransfers() {
        ClaimPosting p = RemittancePostingPlan.plan(paidWithLineCas("1"), MATCHED, false, List.of(), PAID, REF);
        assertEquals(ClaimPosting.Outcome.POSTED, p.outcome());
        assertEquals(List.of(
                entry(EntryType.PAYMENT, "120", Responsibility.INSURANCE, LINE1, null),
                entry(EntryType.PAYMENT, "60", Responsibility.INSURANCE, LINE2, null),
                entry(EntryType.ADJUSTMENT, "50", Responsibility.INSURANCE, LINE1, new ReasonCode("CO", "45", null)),
                entry(EntryType.TRANSFER, "30", Responsibility.PATIENT, LINE1, new ReasonCode("PR", "2", null)),
                entry(EntryType.ADJUSTMENT, "30", Responsibility.INSURANCE, LINE2, new ReasonCode("CO", "45", null)),
                entry(EntryType.TRANSFER, "10", Responsibility.PATIENT, LINE2, new ReasonCode("PR", "1", null))),
                p.entries());
        assertEquals(m("180"), p.paid());
        assertEquals(m("80"), p.adjustments());
        assertEquals(m("40"), p.patientResponsibility());
        assertFalse(p.patientResponsibilityKept());
        assertEquals(ACCOUNT, p.accountId());
        assertTrue(p.warnings().isEmpty());
        // the ledger effect: 300 charged − 180 paid − 80 adjusted = 40, all of it the patient's
        assertEquals(m("40"), m("300").subtract(total(p, EntryType.PAYMENT)).subtract(total(p, EntryType.ADJUSTMENT)));
        assertEquals(m("40"), total(p, EntryType.TRANSFER));
    }

    @Test
    void aLowerPriorityCoverageKeepsPatientResponsibilityWithInsurance() {
        ClaimPosting p = RemittancePostingPlan.plan(paidWithLineCas("1"), MATCHED, true, List.of(), PAID, REF);
        assertTrue(p.entries().stream().noneMatch(e -> e.type() == EntryType.TRANSFER));
        assertEquals(m("80"), total(p, EntryType.ADJUSTMENT));
        assertEquals(m("40"), p.patientResponsibility());
        assertTrue(p.patientResponsibilityKept());
    }

    @Test
    void aClaimThePayerForwardedKeepsPatientResponsibilityWithInsurance() {
        ClaimPosting p = RemittancePostingPlan.plan(paidWithLineCas("19"), MATCHED, false, List.of(), PAID, REF);
        assertTrue(p.entries().stream().noneMatch(e -> e.type() == EntryType.TRANSFER));
        assertTrue(p.patientResponsibilityKept());
    }

    @Test
    void claimLevelCasPostsAtClaimLevel() {
        RemittanceClaim c = claim("1", "100", "50", List.of(cas("CO", "45", "30"), cas("PR", "3", "20")));
        ClaimPosting p = RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF);
        assertEquals(List.of(
                entry(EntryType.PAYMENT, "50", Responsibility.INSURANCE, null, null),
                entry(EntryType.ADJUSTMENT, "30", Responsibility.INSURANCE, null, new ReasonCode("CO", "45", null)),
                entry(EntryType.TRANSFER, "20", Responsibility.PATIENT, null, new ReasonCode("PR", "3", null))),
                p.entries());
    }

    @Test
    void otherAndPayerInitiatedAdjustmentsKeepTheirCodesAndRemarks() {
        ServiceLine l = new ServiceLine(21, 1, "HC", "99213", List.of(), m("100"), m("70"), BigDecimal.ONE, "", DOS,
                m("80"), List.of(cas("OA", "23", "20"), cas("PI", "59", "10")), List.of("N130"));
        ClaimPosting p = RemittancePostingPlan.plan(claim("2", "100", "70", List.of(), l), MATCHED, false, List.of(),
                PAID, REF);
        assertEquals(List.of(
                entry(EntryType.PAYMENT, "70", Responsibility.INSURANCE, LINE1, null),
                entry(EntryType.ADJUSTMENT, "20", Responsibility.INSURANCE, LINE1, new ReasonCode("OA", "23", "N130")),
                entry(EntryType.ADJUSTMENT, "10", Responsibility.INSURANCE, LINE1, new ReasonCode("PI", "59", "N130"))),
                p.entries());
        assertEquals(m("80"), p.lines().get(0).allowed());
    }

    @Test
    void aDenialPostsNoAdjustmentAtAll() {
        RemittanceClaim c = claim("4", "80", "0", List.of(cas("CO", "50", "80")));
        ClaimPosting p = RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF);
        assertEquals(ClaimPosting.Outcome.DENIED, p.outcome());
        assertEquals(List.of(), p.entries());
        assertEquals(m("0"), p.adjustments());
    }

    @Test
    void aPartialDenialPostsThePaidLineOnlyWhenTheClaimIsDenied() {
        RemittanceClaim c = claim("4", "100", "10", List.of(cas("CO", "50", "90")));
        ClaimPosting p = RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF);
        assertEquals(List.of(entry(EntryType.PAYMENT, "10", Responsibility.INSURANCE, null, null)), p.entries());
    }

    @Test
    void aReversalUndoesEveryEntryTheEarlierRemittancePosted() {
        ClaimPosting first = RemittancePostingPlan.plan(paidWithLineCas("1"), MATCHED, false, List.of(), PAID, REF);
        List<EarlierEntry> earlier = first.entries().stream().map(e -> new EarlierEntry(UUID.randomUUID(), e)).toList();
        RemittanceClaim reversal = claim("22", "-300", "-180", List.of(),
                line(1, "99213", "-200", "-120", "1", cas("CO", "45", "-50"), cas("PR", "2", "-30")),
                line(2, "85025", "-100", "-60", "2", cas("CO", "45", "-30"), cas("PR", "1", "-10")));
        ClaimPosting p = RemittancePostingPlan.plan(reversal, MATCHED, false, earlier, PAID.plusDays(20), "remittance-2");
        assertEquals(ClaimPosting.Outcome.REVERSED, p.outcome());
        assertEquals(List.of(), p.entries());
        assertEquals(earlier.stream().map(EarlierEntry::entryId).toList(), p.reversals());
        assertEquals(m("-180"), p.paid());
        assertEquals(m("-80"), p.adjustments());
        assertTrue(p.warnings().isEmpty(), p.warnings()::toString);
    }

    @Test
    void aReversalOfNothingPostedPostsNothing() {
        RemittanceClaim reversal = claim("22", "-100", "-50", List.of(cas("CO", "45", "-50")));
        ClaimPosting p = RemittancePostingPlan.plan(reversal, MATCHED, false, List.of(), PAID, REF);
        assertEquals(ClaimPosting.Outcome.NOT_POSTED, p.outcome());
        assertTrue(p.entries().isEmpty());
        assertEquals(1, p.warnings().size());
    }

    @Test
    void negativeAmountsOutsideAReversalAreNotAutoPosted() {
        RemittanceClaim c = claim("1", "100", "110", List.of(cas("CO", "45", "-10")));
        ClaimPosting p = RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF);
        assertEquals(ClaimPosting.Outcome.NOT_POSTED, p.outcome());
        assertTrue(p.entries().isEmpty());
    }

    @Test
    void predeterminationPostsNothing() {
        RemittanceClaim c = claim("25", "100", "0", List.of(cas("CO", "45", "100")));
        assertEquals(ClaimPosting.Outcome.NOT_POSTED,
                RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF).outcome());
    }

    @Test
    void linesMatchByControlNumberThenByCodeAndDate() {
        MatchedClaim withControl = new MatchedClaim(ACCOUNT, CLAIM, List.of(
                new MatchedClaim.Line(LINE1, 1, "A7", "99213", DOS), new MatchedClaim.Line(LINE2, 2, "B8", "85025", DOS)));
        RemittanceClaim byRef = claim("1", "100", "100", List.of(), line(1, "99999", "100", "100", "B8"));
        assertEquals(LINE2, RemittancePostingPlan.plan(byRef, withControl, false, List.of(), PAID, REF)
                .entries().get(0).claimLineId());
        RemittanceClaim byCode = claim("1", "100", "100", List.of(), line(1, "85025", "100", "100", ""));
        assertEquals(LINE2, RemittancePostingPlan.plan(byCode, MATCHED, false, List.of(), PAID, REF)
                .entries().get(0).claimLineId());
        RemittanceClaim none = claim("1", "100", "100", List.of(), line(1, "11111", "100", "100", ""));
        ClaimPosting p = RemittancePostingPlan.plan(none, MATCHED, false, List.of(), PAID, REF);
        assertEquals(null, p.entries().get(0).claimLineId());
        assertEquals(1, p.warnings().size());
    }

    @Test
    void whatClp04HasBeyondTheLinesIsPaidAtClaimLevel() {
        RemittanceClaim c = claim("1", "100", "100", List.of(cas("CO", "45", "-0")),
                line(1, "99213", "100", "90", "1", cas("CO", "45", "10")));
        // CLP03 − CLP04 = 0 but lines say 10 adjusted: such a claim would not balance; here the plan's own rule only
        ClaimPosting p = RemittancePostingPlan.plan(c, MATCHED, false, List.of(), PAID, REF);
        assertEquals(m("100"), total(p, EntryType.PAYMENT));
        assertEquals(entry(EntryType.PAYMENT, "10", Responsibility.INSURANCE, null, null), p.entries().get(1));
    }

    @Test
    void providerLevelAdjustmentsKeepTheirSign() {
        Remittance r = new Remittance("P", "1512345678", "T", m("15"), PAID, null, null, List.of(), List.of(
                new ProviderAdjustment("1234567893", null, "L6", "X", m("-5")),
                new ProviderAdjustment("1234567893", LocalDate.of(2026, 12, 31), "WO", "Y", m("15"))), List.of());
        List<ProviderLevelEntry> entries = RemittancePostingPlan.providerLevel(r, REF);
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).paidToPractice());
        assertEquals(PAID, entries.get(0).effectiveDate());
        assertFalse(entries.get(1).paidToPractice());
        assertEquals(LocalDate.of(2026, 12, 31), entries.get(1).effectiveDate());
    }

    @Test
    void theLedgerAfterThePlanLeavesPatientResponsibilityWithThePatientOrTheNextPayer() {
        // charges 200 + 100, insurance responsibility; then the plan, with the ledger's own sign rules
        BigDecimal[] alone = apply(RemittancePostingPlan.plan(paidWithLineCas("1"), MATCHED, false, List.of(), PAID, REF));
        assertEquals(m("0"), alone[0]);
        assertEquals(m("40"), alone[1]);
        BigDecimal[] next = apply(RemittancePostingPlan.plan(paidWithLineCas("1"), MATCHED, true, List.of(), PAID, REF));
        assertEquals(m("40"), next[0]);
        assertEquals(m("0"), next[1]);
        BigDecimal[] denied = apply(RemittancePostingPlan.plan(claim("4", "300", "0", List.of(cas("CO", "50", "300"))),
                MATCHED, false, List.of(), PAID, REF));
        assertEquals(m("300"), denied[0]);
        assertEquals(m("0"), denied[1]);
    }

    private static BigDecimal[] apply(ClaimPosting p) {
        BigDecimal insurance = m("300");
        BigDecimal patient = m("0");
        for (PlannedEntry e : p.entries()) {
            BigDecimal[] effect = dev.revcycle.payments.domain.Effects.of(e.type(), e.responsibility(), e.amount());
            insurance = insurance.add(effect[0]);
            patient = patient.add(effect[1]);
        }
        return new BigDecimal[] {insurance, patient};
    }

    static BigDecimal total(ClaimPosting p, EntryType type) {
        return p.entries().stream().filter(e -> e.type() == type).map(PlannedEntry::amount)
                .reduce(m("0"), BigDecimal::add);
    }
}
