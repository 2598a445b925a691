package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KpisTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void theFormulasOfTheReadme() {
        // charges 10,000; payments 6,000; contractual 3,000 → gross 0.6, net 6,000 / 7,000 = 0.8571
        KpiFigures f = new KpiFigures(d("10000.00"), d("6000.00"), d("3500.00"), d("3000.00"), d("4500.00"), d("900.00"),
                d("9000.00"), d("700.00"), d("120.00"));
        Kpis k = Kpis.of(f, d("0.95"));
        assertThat(k.grossCollectionRate()).isEqualByComparingTo("0.6000");
        assertThat(k.netCollectionRate()).isEqualByComparingTo("0.8571");
        assertThat(k.gap()).isEqualByComparingTo("0.0929");
        // 9,000 over 90 days = 100.00 a day; A/R 4,500 → 45.0 days
        assertThat(k.averageDailyCharges()).isEqualByComparingTo("100.00");
        assertThat(k.daysInAr()).isEqualByComparingTo("45.0");
        assertThat(k.shareOverNinety()).isEqualByComparingTo("0.2000");
        assertThat(k.figures().placed()).isEqualByComparingTo("700.00");
        assertThat(k.figures().recovered()).isEqualByComparingTo("120.00");
    }

    @Test
    void noChargesNoRatesAndNoDivisionError() {
        BigDecimal z = BigDecimal.ZERO;
        Kpis k = Kpis.of(new KpiFigures(z, d("10.00"), z, z, z, z, z, z, z), d("0.95"));
        assertThat(k.grossCollectionRate()).isNull();
        assertThat(k.netCollectionRate()).isNull();
        assertThat(k.gap()).isNull();
        assertThat(k.daysInAr()).isNull();
        assertThat(k.shareOverNinety()).isNull();
        // every charge contractually adjusted: the net rate has no divisor
        Kpis allContractual = Kpis.of(new KpiFigures(d("100.00"), z, d("100.00"), d("100.00"), z, z, d("100.00"), z, z), null);
        assertThat(allContractual.netCollectionRate()).isNull();
        assertThat(allContractual.grossCollectionRate()).isEqualByComparingTo("0");
    }
}
