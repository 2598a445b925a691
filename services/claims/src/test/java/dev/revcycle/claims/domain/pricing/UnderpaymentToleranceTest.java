package dev.revcycle.claims.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderpaymentToleranceTest {
    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theDefaultToleratesOneDollar() {
        assertThat(UnderpaymentTolerance.DEFAULT.isUnderpaid(m("80.00"), m("79.00"))).isFalse();
        assertThat(UnderpaymentTolerance.DEFAULT.isUnderpaid(m("80.00"), m("78.99"))).isTrue();
        assertThat(UnderpaymentTolerance.DEFAULT.isUnderpaid(m("80.00"), m("85.00"))).isFalse();
    }

    @Test
    void withAnAmountAndAPercentTheLargerIsTolerated() {
        UnderpaymentTolerance t = new UnderpaymentTolerance(m("1.00"), m("5"));
        assertThat(t.toleratedBelow(m("200.00"))).isEqualByComparingTo("10.00");
        assertThat(t.toleratedBelow(m("10.00"))).isEqualByComparingTo("1.00");
        assertThat(t.isUnderpaid(m("200.00"), m("190.00"))).isFalse();
        assertThat(t.isUnderpaid(m("200.00"), m("189.99"))).isTrue();
        assertThat(new UnderpaymentTolerance(null, m("10")).isUnderpaid(m("80.00"), m("72.00"))).isFalse();
        assertThat(new UnderpaymentTolerance(m("0"), null).isUnderpaid(m("80.00"), m("79.99"))).isTrue();
    }

    @Test
    void badTolerancesNameTheirFields() {
        assertThat(new UnderpaymentTolerance(null, null).violations()).extracting(e -> e.field()).containsExactly("amount");
        assertThat(new UnderpaymentTolerance(m("-1"), m("100.5")).violations()).extracting(e -> e.field())
                .containsExactly("amount", "percent");
        assertThat(new UnderpaymentTolerance(m("1.001"), m("2.555")).violations()).hasSize(2);
    }

    @Test
    void feeScheduleTermsNameEachBadRate() {
        FeeScheduleTerms t = new FeeScheduleTerms(null, java.util.Arrays.asList(new ContractedRate("99213", null, m("80.00")),
                new ContractedRate("99213", "", m("81.00")), new ContractedRate("99213", "25", m("80.001")), null,
                new ContractedRate(null, "X", null)));
        assertThat(t.violations()).extracting(e -> e.field()).containsExactly("effectiveFrom", "rates[1].procedureCode",
                "rates[2].allowed", "rates[3]", "rates[4].procedureCode", "rates[4].modifier", "rates[4].allowed");
        assertThat(new FeeScheduleTerms(LocalDate.of(2026, 1, 1), List.of()).violations()).extracting(e -> e.field())
                .containsExactly("rates");
        assertThat(new FeeScheduleTerms(LocalDate.of(2026, 1, 1), List.of(new ContractedRate("99213", "25", m("1"))))
                .violations()).isEmpty();
    }
}
