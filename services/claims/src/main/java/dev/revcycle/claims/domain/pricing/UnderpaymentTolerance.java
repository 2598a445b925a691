package dev.revcycle.claims.domain.pricing;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How far below the contracted amount a payer may allow a line before it is an underpayment: an amount, a percent
 * of the contracted amount, or both (then the larger of the two). A practice that set none has {@link #DEFAULT}:
 * 1.00 — a difference of a cent or two from the payer's rounding is not worth a call to its representative.
 */
public record UnderpaymentTolerance(BigDecimal amount, BigDecimal percent) {
    public static final UnderpaymentTolerance DEFAULT = new UnderpaymentTolerance(new BigDecimal("1.00"), null);

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (amount == null && percent == null) {
            errors.add(new FieldError("amount", "an amount, a percent or both are required"));
        }
        if (amount != null) {
            String p = Amounts.problem(amount);
            if (p != null) {
                errors.add(new FieldError("amount", p));
            }
        }
        if (percent != null && (percent.signum() < 0 || percent.compareTo(Amounts.HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("percent", "must be from 0 to 100 with at most two decimals"));
        }
        return errors;
    }

    /** The shortfall tolerated on a line contracted at {@code expected}. */
    public BigDecimal toleratedBelow(BigDecimal expected) {
        BigDecimal byAmount = amount == null ? Amounts.ZERO : Amounts.money(amount);
        BigDecimal byPercent = percent == null ? Amounts.ZERO : Amounts.percentOf(expected, percent);
        return byAmount.max(byPercent);
    }

    /** Whether {@code actual} (the payer's allowed amount) is below {@code expected} by more than the tolerance. */
    public boolean isUnderpaid(BigDecimal expected, BigDecimal actual) {
        return expected.subtract(actual).compareTo(toleratedBelow(expected)) > 0;
    }
}
