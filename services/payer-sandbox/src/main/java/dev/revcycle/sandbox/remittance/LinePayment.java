package dev.revcycle.sandbox.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One SVC loop (2110) of an 835: what was charged, allowed and paid for one service line, and why the rest
 * was not paid. Balanced by construction: {@code charge − paid = Σ adjustments}.
 *
 * @param controlNumber REF*6R: the 837 line's REF*6R, or its LX number when it had none
 */
public record LinePayment(int lineNumber, String procedureCode, List<String> modifiers, String revenueCode,
        BigDecimal charge, BigDecimal paid, BigDecimal allowed, BigDecimal units, LocalDate serviceDateFrom,
        LocalDate serviceDateTo, String controlNumber, List<Adjustment> adjustments) {

    public LinePayment {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
    }

    public BigDecimal adjustmentTotal() {
        return adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal patientResponsibility() {
        return adjustments.stream().filter(a -> a.group().equals("PR")).map(Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same line reversed: every amount negated, units as they were. */
    LinePayment negated() {
        return new LinePayment(lineNumber, procedureCode, modifiers, revenueCode, charge.negate(), paid.negate(),
                allowed.negate(), units, serviceDateFrom, serviceDateTo, controlNumber,
                adjustments.stream().map(Adjustment::negated).toList());
    }
}
