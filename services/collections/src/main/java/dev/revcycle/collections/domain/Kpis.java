package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The collection KPIs of one practice over a period, from the ledger's sums ({@link KpiFigures}).
 * Rates have four decimals (0.9512 = 95.12 %), days one decimal, rounding half up; a rate or a number
 * of days whose divisor is zero is null (no charges: no rate), never a division error.
 * <pre>
 * grossCollectionRate = payments ÷ charges
 * netCollectionRate   = payments ÷ (charges − contractual adjustments)
 * gap                 = target − netCollectionRate          (positive: below target)
 * averageDailyCharges = charges of the 90 days ending at the period's end ÷ 90
 * daysInAr            = A/R at the period's end ÷ averageDailyCharges
 * shareOverNinety     = A/R over 90 days ÷ A/R at the period's end
 * </pre>
 */
public record Kpis(KpiFigures figures, BigDecimal grossCollectionRate, BigDecimal netCollectionRate,
                   BigDecimal target, BigDecimal gap, BigDecimal averageDailyCharges, BigDecimal daysInAr,
                   BigDecimal shareOverNinety) {

    public static final int DSO_WINDOW_DAYS = 90;

    public static Kpis of(KpiFigures f, BigDecimal target) {
        BigDecimal gross = ratio(f.payments(), f.charges(), 4);
        BigDecimal net = ratio(f.payments(), f.charges().subtract(f.contractual()), 4);
        BigDecimal gap = target == null || net == null ? null : target.subtract(net).setScale(4, RoundingMode.HALF_UP);
        BigDecimal daily = f.chargesLast90Days().divide(BigDecimal.valueOf(DSO_WINDOW_DAYS), 2, RoundingMode.HALF_UP);
        BigDecimal days = f.chargesLast90Days().signum() == 0 ? null
                : f.arAtEnd().multiply(BigDecimal.valueOf(DSO_WINDOW_DAYS)).divide(f.chargesLast90Days(), 1, RoundingMode.HALF_UP);
        BigDecimal over90 = ratio(f.arOver90(), f.arAtEnd(), 4);
        return new Kpis(f, gross, net, target, gap, daily, days, over90);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }
}
