package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentPlanTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final BigDecimal MINIMUM = new BigDecimal("25.00");

    private static PlanTerms terms(String total, String installment, PlanFrequency frequency, LocalDate first) {
        return new PlanTerms(new BigDecimal(total), new BigDecimal(installment), frequency, first);
    }

    @Test
    void aMonthlyScheduleKeepsTheDayOfMonthAndEndsWithTheRemainder() {
        PlanTerms t = terms("250.00", "100.00", PlanFrequency.MONTHLY, LocalDate.of(2027, 1, 31));
        assertThat(t.check(MINIMUM, new BigDecimal("250.00"), TODAY)).isEmpty();
        List<Installment> s = t.schedule();
        assertThat(s).extracting(Installment::dueDate).containsExactly(LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
        assertThat(s).extracting(Installment::amount).containsExactly(new BigDecimal("100.00"), new BigDecimal("100.00"),
                new BigDecimal("50.00"));
    }

    @Test
    void aBiweeklyScheduleIsEveryFourteenDays() {
        PlanTerms t = terms("90.00", "30.00", PlanFrequency.BIWEEKLY, LocalDate.of(2026, 12, 10));
        assertThat(t.schedule()).extracting(Installment::dueDate).containsExactly(LocalDate.of(2026, 12, 10),
                LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 7));
    }

    @Test
    void plansThatNeverFinishOrFallBelowTheMinimumAreRefused() {
        PlanTerms forever = terms("10000.00", "25.00", PlanFrequency.MONTHLY, TODAY.plusDays(5));
        assertThat(forever.check(MINIMUM, new BigDecimal("10000.00"), TODAY)).extracting(PlanTerms.Problem::field)
                .containsExactly("installmentAmount");
        assertThat(forever.check(MINIMUM, new BigDecimal("10000.00"), TODAY).get(0).message()).contains("never finish");
        PlanTerms fiveYearsBiweekly = terms("3250.00", "25.00", PlanFrequency.BIWEEKLY, TODAY.plusDays(5));
        assertThat(fiveYearsBiweekly.check(MINIMUM, new BigDecimal("3250.00"), TODAY)).isEmpty();
        PlanTerms zero = terms("100.00", "0.00", PlanFrequency.MONTHLY, TODAY.plusDays(5));
        assertThat(zero.check(MINIMUM, new BigDecimal("100.00"), TODAY)).extracting(PlanTerms.Problem::message)
                .containsExactly("must be more than zero");
        PlanTerms low = terms("100.00", "24.99", PlanFrequency.MONTHLY, TODAY.plusDays(5));
        assertThat(low.check(MINIMUM, new BigDecimal("100.00"), TODAY)).extracting(PlanTerms.Problem::message)
                .containsExactly("is below the practice's minimum installment of 25.00");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        PlanTerms bad = new PlanTerms(new BigDecimal("10.001"), null, null, TODAY.minusDays(1));
        assertThat(bad.check(MINIMUM, new BigDecimal("100.00"), TODAY)).extracting(PlanTerms.Problem::field)
                .containsExactlyInAnyOrder("totalAmount", "installmentAmount", "frequency", "firstDueDate");
        PlanTerms tooMuch = terms("300.00", "400.00", PlanFrequency.MONTHLY, TODAY.plusDays(91));
        assertThat(tooMuch.check(MINIMUM, new BigDecimal("200.00"), TODAY)).extracting(PlanTerms.Problem::field)
                .containsExactlyInAnyOrder("installmentAmount", "totalAmount", "firstDueDate");
    }

    @Test
    void paymentsCountToTheInstallmentDueAndReversalsTakeThemBack() {
        PaymentPlan plan = PaymentPlan.open(terms("300.00", "100.00", PlanFrequency.MONTHLY, LocalDate.of(2027, 1, 1)));
        plan = plan.count(new BigDecimal("150.00"));
        assertThat(plan.installments()).extracting(Installment::paid).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("50.00"), new BigDecimal("0.00"));
        assertThat(plan.nextDue().orElseThrow().number()).isEqualTo(2);
        assertThat(plan.amountDue(LocalDate.of(2027, 2, 1))).isEqualByComparingTo("50.00");
        assertThat(plan.remaining()).isEqualByComparingTo("150.00");
        plan = plan.count(new BigDecimal("-100.00"));
        assertThat(plan.installments()).extracting(Installment::paid).containsExactly(new BigDecimal("50.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(plan.installmentsInArrears(LocalDate.of(2027, 2, 1))).isEqualTo(2);
    }

    @Test
    void aPlanPaidOffCompletesAndAReversalReopensIt() {
        PaymentPlan plan = PaymentPlan.open(terms("200.00", "100.00", PlanFrequency.MONTHLY, LocalDate.of(2027, 1, 1)));
        plan = plan.count(new BigDecimal("200.00"));
        assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(plan.nextDue()).isEmpty();
        assertThat(plan.count(new BigDecimal("-100.00")).status()).isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void aMissedInstallmentLapsesThePlanOnlyAfterTheGracePeriod() {
        PaymentPlan plan = PaymentPlan.open(terms("300.00", "100.00", PlanFrequency.MONTHLY, LocalDate.of(2027, 1, 1)));
        assertThat(plan.lapsesOn(LocalDate.of(2027, 1, 11), 10)).isFalse();
        assertThat(plan.lapsesOn(LocalDate.of(2027, 1, 12), 10)).isTrue();
        assertThat(plan.missed(LocalDate.of(2027, 1, 12), 10).orElseThrow().number()).isEqualTo(1);
        PaymentPlan paidFirst = plan.count(new BigDecimal("100.00"));
        assertThat(paidFirst.lapsesOn(LocalDate.of(2027, 2, 11), 10)).isFalse();
        assertThat(paidFirst.lapsesOn(LocalDate.of(2027, 2, 12), 10)).isTrue();
        PaymentPlan lapsed = paidFirst.lapseCheck(LocalDate.of(2027, 2, 12), 10);
        assertThat(lapsed.status()).isEqualTo(PlanStatus.LAPSED);
        assertThat(lapsed.lapsesOn(LocalDate.of(2027, 3, 30), 10)).isFalse();
        // a partial payment of the missed installment is still a miss
        assertThat(paidFirst.count(new BigDecimal("99.99")).lapsesOn(LocalDate.of(2027, 2, 12), 10)).isTrue();
        // paying ahead covers later installments
        assertThat(plan.count(new BigDecimal("200.00")).lapsesOn(LocalDate.of(2027, 2, 20), 10)).isFalse();
    }

    @Test
    void onlyALapsedPlanCanBeRenegotiated() {
        PaymentPlan plan = PaymentPlan.open(terms("300.00", "100.00", PlanFrequency.MONTHLY, LocalDate.of(2027, 1, 1)));
        assertThatThrownBy(plan::renegotiated).isInstanceOf(IllegalStateException.class);
        PaymentPlan lapsed = plan.lapseCheck(LocalDate.of(2027, 2, 1), 10);
        assertThat(lapsed.renegotiated().status()).isEqualTo(PlanStatus.RENEGOTIATED);
        assertThat(lapsed.count(new BigDecimal("300.00")).status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(PlanStatus.ACTIVE.isCurrent()).isTrue();
        assertThat(PlanStatus.LAPSED.isCurrent()).isFalse();
    }
}
