package dev.revcycle.sandbox.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.sandbox.Claims837Builder;
import dev.revcycle.sandbox.Claims837Builder.TestClaim;
import dev.revcycle.sandbox.Claims837Builder.TestLine;
import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.sandbox.claims.ClaimAcknowledger;
import dev.revcycle.sandbox.claims.ReceivedClaim;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every remittance rule, with the figures the README shows. */
class AdjudicatorTest {

    private static ReceivedClaim claim(TestClaim claim) throws Exception {
        List<ReceivedClaim> accepted = new ClaimAcknowledger(Inquiries.CLOCK)
                .acknowledge(new Claims837Builder("CLINIC1").claims(claim).build()).accepted();
        assertThat(accepted).hasSize(1);
        return accepted.get(0);
    }

    private static ClaimPayment adjudicate(TestClaim claim) throws Exception {
        return Adjudicator.adjudicate(claim(claim), false);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    private static Adjustment cas(String group, String reason, String amount) {
        return new Adjustment(group, reason, money(amount));
    }

    private static void assertLine(LinePayment line, String charge, String allowed, String paid, Adjustment... cas) {
        assertThat(line.charge()).isEqualByComparingTo(charge);
        assertThat(line.allowed()).isEqualByComparingTo(allowed);
        assertThat(line.paid()).isEqualByComparingTo(paid);
        assertThat(line.adjustments()).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(cas);
        assertThat(line.charge().subtract(line.paid())).isEqualByComparingTo(line.adjustmentTotal());
    }

    private static void assertClaim(ClaimPayment c, String status, String charge, String paid, String patient) {
        assertThat(c.statusCode()).isEqualTo(status);
        assertThat(c.charge()).isEqualByComparingTo(charge);
        assertThat(c.paid()).isEqualByComparingTo(paid);
        assertThat(c.patientResponsibility()).isEqualByComparingTo(patient);
        assertThat(c.charge().subtract(c.paid())).isEqualByComparingTo(c.adjustmentTotal());
    }

    @Test
    void copayRule99213TakesPr3TwentyFiveFromLineOne() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-1", TestLine.of("99213", "150.00").control("L-1"),
                TestLine.of("99212", "80.00")));

        assertClaim(c, "1", "230.00", "159.00", "25.00");
        assertLine(c.lines().get(0), "150.00", "120.00", "95.00", cas("CO", "45", "30.00"), cas("PR", "3", "25.00"));
        assertLine(c.lines().get(1), "80.00", "64.00", "64.00", cas("CO", "45", "16.00"));
        assertThat(c.lines()).extracting(LinePayment::controlNumber).containsExactly("L-1", "2");
        assertThat(c.claimId()).isEqualTo("PCN-1");
        assertThat(c.filingIndicator()).isEqualTo("12"); // SBR09 CI is not an 835 code
        assertThat(c.payerClaimControlNumber()).startsWith("SBX").hasSize(16);
        assertThat(c.interest()).isZero();
    }

    @Test
    void coinsuranceRule99214TakesPr2TwentyPercentOfEveryLinesAllowed() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-2", TestLine.of("99214", "150.00"),
                TestLine.of("99212", "80.00")));

        assertClaim(c, "1", "230.00", "147.20", "36.80");
        assertLine(c.lines().get(0), "150.00", "120.00", "96.00", cas("CO", "45", "30.00"), cas("PR", "2", "24.00"));
        assertLine(c.lines().get(1), "80.00", "64.00", "51.20", cas("CO", "45", "16.00"), cas("PR", "2", "12.80"));
    }

    @Test
    void deductibleRule99215TakesPr1FiftyFromLineOneAtMostItsAllowed() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-3", TestLine.of("99215", "150.00"),
                TestLine.of("99212", "40.00")));
        assertClaim(c, "1", "190.00", "102.00", "50.00");
        assertLine(c.lines().get(0), "150.00", "120.00", "70.00", cas("CO", "45", "30.00"), cas("PR", "1", "50.00"));
        assertLine(c.lines().get(1), "40.00", "32.00", "32.00", cas("CO", "45", "8.00"));

        ClaimPayment small = adjudicate(TestClaim.of("PCN-3b", TestLine.of("99215", "40.00")));
        assertClaim(small, "1", "40.00", "0", "32.00");
        assertLine(small.lines().get(0), "40.00", "32.00", "0", cas("CO", "45", "8.00"), cas("PR", "1", "32.00"));
    }

    @Test
    void underpaidRule99211AllowsNinetyPercentOfTheContractRateOnEvery99211Line() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-U", TestLine.of("99211", "75.00"), TestLine.of("81002", "20.00"),
                TestLine.of("99211", "40.00")));
        // 99211: 90 % of the contract rate 50.00 = 45.00 (at most the charge); 81002 80 % of its charge
        assertClaim(c, "1", "135.00", "101.00", "0");
        assertLine(c.lines().get(0), "75.00", "45.00", "45.00", cas("CO", "45", "30.00"));
        assertLine(c.lines().get(1), "20.00", "16.00", "16.00", cas("CO", "45", "4.00"));
        assertLine(c.lines().get(2), "40.00", "40.00", "40.00");
    }

    @Test
    void anyOtherCodeIsPaidEightyPercentRoundedHalfUp() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-4", TestLine.of("J1100", "33.33"), TestLine.of("99213", "10.01")));
        assertClaim(c, "1", "43.34", "34.67", "0");
        assertLine(c.lines().get(0), "33.33", "26.66", "26.66", cas("CO", "45", "6.67")); // 26.664 → 26.66
        assertLine(c.lines().get(1), "10.01", "8.01", "8.01", cas("CO", "45", "2.00")); // 8.008 → 8.01; no copay
    }

    @Test
    void deniedRule99202DeniesEveryLineCo197ForItsFullCharge() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-5", TestLine.of("99202", "150.00"), TestLine.of("99213", "80.00")));
        assertClaim(c, "4", "230.00", "0", "0");
        assertLine(c.lines().get(0), "150.00", "0", "0", cas("CO", "197", "150.00"));
        assertLine(c.lines().get(1), "80.00", "0", "0", cas("CO", "197", "80.00"));
    }

    @Test
    void partlyPaidRule99203PaysLineOneAndDeniesTheOthersCo97() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-6", TestLine.of("99203", "150.00"),
                TestLine.of("99213", "80.00"), TestLine.of("J1100", "20.00")));
        assertClaim(c, "1", "250.00", "120.00", "0");
        assertLine(c.lines().get(0), "150.00", "120.00", "120.00", cas("CO", "45", "30.00"));
        assertLine(c.lines().get(1), "80.00", "0", "0", cas("CO", "97", "80.00"));
        assertLine(c.lines().get(2), "20.00", "0", "0", cas("CO", "97", "20.00"));
    }

    @Test
    void reversalRule99204IsPaidAndItsReversalNegatesEveryAmount() throws Exception {
        ClaimPayment paid = adjudicate(TestClaim.of("PCN-7", TestLine.of("99204", "150.00").units("2")));
        assertClaim(paid, "1", "150.00", "120.00", "0");
        assertThat(Adjudicator.ruleFor(claim(TestClaim.of("X", TestLine.of("99204", "1"))), false).outcome())
                .isEqualTo(dev.revcycle.sandbox.rules.RemittanceRule.Outcome.PAID_THEN_REVERSED);

        ClaimPayment reversal = paid.reversal();
        assertClaim(reversal, "22", "-150.00", "-120.00", "0");
        assertLine(reversal.lines().get(0), "-150.00", "-120.00", "-120.00", cas("CO", "45", "-30.00"));
        assertThat(reversal.lines().get(0).units()).isEqualByComparingTo("2");
        assertThat(reversal.payerClaimControlNumber()).isEqualTo(paid.payerClaimControlNumber());
        assertThat(reversal.claimId()).isEqualTo("PCN-7");
    }

    @Test
    void interestRule99205IsPaidWithOneTwentyFiveInterest() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-8", TestLine.of("99205", "150.00")));
        assertClaim(c, "1", "150.00", "120.00", "0");
        assertThat(c.interest()).isEqualByComparingTo("1.25");
    }

    @Test
    void aDuplicateIsDeniedCo18WhateverItsCode() throws Exception {
        ClaimPayment c = Adjudicator.adjudicate(claim(TestClaim.of("PCN-9", TestLine.of("99213", "150.00"))), true);
        assertClaim(c, "4", "150.00", "0", "0");
        assertLine(c.lines().get(0), "150.00", "0", "0", cas("CO", "18", "150.00"));
    }

    @Test
    void aSecondaryClaimIsPaidOnWhatThePrimaryLeftPerLine() throws Exception {
        // primary: 150 charged, 95 paid, CO-45 30, PR-3 25 → 25 left
        ClaimPayment c = adjudicate(TestClaim.of("PCN-10",
                TestLine.of("99213", "150.00").primary("95", "CO*45*30", "PR*3*25")).secondary(null));
        assertClaim(c, "2", "150.00", "20.00", "0");
        assertLine(c.lines().get(0), "150.00", "20.00", "20.00", cas("OA", "23", "125.00"), cas("CO", "45", "5.00"));
    }

    @Test
    void aSecondaryClaimWithOnlyClaimLevelFiguresTakesThemFromTheLinesInOrder() throws Exception {
        // 2320: AMT*D 95 and CAS*CO*45*30 → 125 taken by the primary, all from line 1 (150), none from line 2
        ClaimPayment c = adjudicate(TestClaim.of("PCN-11", TestLine.of("99213", "150.00"),
                TestLine.of("99212", "80.00")).secondary("95", "CO*45*30", "PR*3*25"));
        assertClaim(c, "2", "230.00", "84.00", "0");
        assertLine(c.lines().get(0), "150.00", "20.00", "20.00", cas("OA", "23", "125.00"), cas("CO", "45", "5.00"));
        assertLine(c.lines().get(1), "80.00", "64.00", "64.00", cas("CO", "45", "16.00"));
    }

    @Test
    void aTertiaryClaimIsPaidOnWhatBothEarlierPayersLeftCountingEachOnce() throws Exception {
        // primary 95 paid, CO-45 30, PR-3 25; secondary 15 paid, OA-23 125 (the primary's part), CO-45 5 → 5 left
        ClaimPayment c = adjudicate(TestClaim.of("PCN-13", TestLine.of("99213", "150.00")
                .primary("95", "CO*45*30", "PR*3*25").secondPayer("15", "OA*23*125", "CO*45*5")).tertiary());
        assertClaim(c, "3", "150.00", "4.00", "0");
        assertLine(c.lines().get(0), "150.00", "4.00", "4.00", cas("OA", "23", "145.00"), cas("CO", "45", "1.00"));
    }

    @Test
    void aDeniedSecondaryDeniesWhatThePrimaryLeft() throws Exception {
        ClaimPayment c = adjudicate(TestClaim.of("PCN-12",
                TestLine.of("99202", "150.00").primary("95", "CO*45*30")).secondary(null));
        assertClaim(c, "4", "150.00", "0", "0");
        assertLine(c.lines().get(0), "150.00", "0", "0", cas("OA", "23", "125.00"), cas("CO", "197", "25.00"));
    }
}
