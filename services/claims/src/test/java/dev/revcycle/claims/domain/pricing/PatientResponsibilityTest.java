package dev.revcycle.claims.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.claims.domain.pricing.PatientResponsibility.Estimated;
import dev.revcycle.claims.domain.pricing.PatientResponsibility.Service;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientResponsibilityTest {
    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    static List<BigDecimal> shares(Estimated e) {
        return e.lines().stream().map(PatientResponsibility.Line::patientResponsibility).toList();
    }

    static final List<Service> VISIT = List.of(new Service("99213", m("150.00"), m("100.00")),
            new Service("81002", m("40.00"), m("20.00")));

    @Test
    void theRemainingDeductibleIsTakenFirstThenCoinsuranceOnWhatIsLeft() {
        Estimated e = PatientResponsibility.insured(VISIT, new PlanBenefits(null, m("20"), m("80.00"), m("4500.00")));
        // 99213: 80.00 deductible + 20 % of 20.00 = 84.00; 81002: no deductible left, 20 % of 20.00 = 4.00
        assertThat(shares(e)).containsExactly(m("84.00"), m("4.00"));
        assertThat(e.totalPatientResponsibility()).isEqualByComparingTo("88.00");
        assertThat(e.totalCharge()).isEqualByComparingTo("190.00");
        assertThat(e.totalAllowed()).isEqualByComparingTo("120.00");
        assertThat(e.assumptions()).anyMatch(a -> a.contains("Deductible: 80.00 of the remaining 80.00"))
                .anyMatch(a -> a.contains("Coinsurance: 20 %"));
    }

    @Test
    void aDeductibleLargerThanTheVisitTakesEverything() {
        Estimated e = PatientResponsibility.insured(VISIT, new PlanBenefits(null, m("20"), m("500.00"), null));
        assertThat(shares(e)).containsExactly(m("100.00"), m("20.00"));
        assertThat(e.assumptions()).anyMatch(a -> a.contains("out-of-pocket maximum is not known"));
    }

    @Test
    void aCopayIsTakenOnceForTheVisitAfterTheDeductibleInPlaceOfCoinsurance() {
        Estimated none = PatientResponsibility.insured(VISIT, new PlanBenefits(m("25.00"), m("20"), m("0.00"), m("4500.00")));
        assertThat(shares(none)).containsExactly(m("25.00"), m("0.00"));
        // 90.00 of deductible leaves 10.00 of line 1: the copay takes at most that, and line 2's 20.00 pays none
        Estimated some = PatientResponsibility.insured(VISIT, new PlanBenefits(m("25.00"), m("20"), m("90.00"), m("4500.00")));
        assertThat(shares(some)).containsExactly(m("100.00"), m("0.00"));
        assertThat(some.assumptions()).anyMatch(a -> a.startsWith("Copay: 25.00 once for the visit"));
    }

    @Test
    void aCopayNotTakenOnAFullyDeductibleLineFallsOnTheNextLine() {
        Estimated e = PatientResponsibility.insured(VISIT, new PlanBenefits(m("25.00"), null, m("100.00"), null));
        assertThat(shares(e)).containsExactly(m("100.00"), m("20.00"));
    }

    @Test
    void theTotalIsCappedAtTheRemainingOutOfPocket() {
        Estimated e = PatientResponsibility.insured(VISIT, new PlanBenefits(null, m("20"), m("500.00"), m("110.00")));
        assertThat(shares(e)).containsExactly(m("100.00"), m("10.00"));
        assertThat(e.assumptions()).anyMatch(a -> a.contains("Capped at the remaining out-of-pocket maximum of 110.00"));
        Estimated spent = PatientResponsibility.insured(VISIT, new PlanBenefits(null, m("20"), m("500.00"), m("0.00")));
        assertThat(shares(spent)).containsExactly(m("0.00"), m("0.00"));
    }

    @Test
    void missingBenefitsAreTakenAsNothingAndSaidSo() {
        Estimated e = PatientResponsibility.insured(VISIT, PlanBenefits.UNKNOWN);
        assertThat(shares(e)).containsExactly(m("0.00"), m("0.00"));
        assertThat(e.assumptions()).singleElement().asString().contains("No benefits are known");
        Estimated partly = PatientResponsibility.insured(VISIT, new PlanBenefits(null, null, null, m("100.00")));
        assertThat(partly.assumptions()).anyMatch(a -> a.contains("remaining deductible is not known"))
                .anyMatch(a -> a.contains("Neither a copay nor a coinsurance"));
        assertThat(shares(partly)).containsExactly(m("0.00"), m("0.00"));
    }

    @Test
    void aLineWithoutAContractedRateIsAllowedItsChargeAndSaidSo() {
        Estimated e = PatientResponsibility.insured(List.of(new Service("99499", m("60.00"), null)),
                new PlanBenefits(null, m("10"), m("0"), null));
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("60.00");
        assertThat(shares(e)).containsExactly(m("6.00"));
        assertThat(e.assumptions()).anyMatch(a -> a.contains("No contracted rate for 99499"));
    }

    @Test
    void coinsuranceIsRoundedToTheCentHalfUp() {
        Estimated e = PatientResponsibility.insured(List.of(new Service("99213", m("33.33"), m("33.33"))),
                new PlanBenefits(null, m("12.5"), null, null));
        assertThat(shares(e)).containsExactly(m("4.17")); // 4.16625
    }

    @Test
    void selfPayPaysTheCashPrices() {
        Estimated e = PatientResponsibility.selfPay(List.of(new Service("99213", m("150.00"), m("95.00")),
                new Service("81002", m("40"), m("12.5"))));
        assertThat(shares(e)).containsExactly(m("95.00"), m("12.50"));
        assertThat(e.totalCharge()).isEqualByComparingTo("190.00");
        assertThat(e.totalPatientResponsibility()).isEqualByComparingTo("107.50");
        assertThat(e.assumptions()).singleElement().asString().startsWith("Self-pay");
    }
}
