package dev.revcycle.payments.domain;

import java.math.BigDecimal;

/** The sign rules of the ledger: what an entry of a type does to the insurance and patient balances. */
public final class Effects {
    private Effects() {
    }

    /** {insuranceDelta, patientDelta} of a new entry (not a REVERSAL, whose effect is its entry's, negated). */
    public static BigDecimal[] of(EntryType type, Responsibility responsibility, BigDecimal amount) {
        BigDecimal signed = switch (type) {
            case CHARGE, REFUND, TRANSFER -> amount;
            case PAYMENT, ADJUSTMENT, WRITE_OFF -> amount.negate();
            case REVERSAL -> throw new IllegalArgumentException("a reversal takes the effect of the entry it reverses");
        };
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal other = type == EntryType.TRANSFER ? amount.negate() : zero;
        return responsibility == Responsibility.INSURANCE
                ? new BigDecimal[] {signed, other}
                : new BigDecimal[] {other, signed};
    }

    /** A positive amount with at most two decimals (scale 2), else null. */
    public static BigDecimal money(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            return null;
        }
        return amount.setScale(2);
    }
}
