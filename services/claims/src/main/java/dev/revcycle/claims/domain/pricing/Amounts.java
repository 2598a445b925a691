package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Checks and rounding of money amounts as the contracts keep them: NUMERIC(12,2), never negative. */
final class Amounts {
    static final BigDecimal MAX = new BigDecimal("9999999999.99");
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Amounts() {
    }

    /** What is wrong with an amount, or null: required, at most two decimals, 0 or more, below the column's limit. */
    static String problem(BigDecimal amount) {
        if (amount == null) {
            return "is required";
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return "must have at most two decimals";
        }
        if (amount.signum() < 0) {
            return "must not be negative";
        }
        if (amount.compareTo(MAX) > 0) {
            return "must be below 10,000,000,000.00";
        }
        return null;
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code percent} % of {@code amount}, to the cent (half up). */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
