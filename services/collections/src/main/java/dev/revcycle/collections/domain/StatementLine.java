package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One service on a statement: a claim line's charge and what insurance paid, what was adjusted (contractual
 * and other adjustments, write-offs) and what the patient paid of it, and what remains on it.
 */
public record StatementLine(LocalDate serviceDate, String description, BigDecimal charge, BigDecimal insurancePaid,
                            BigDecimal adjustments, BigDecimal patientPaid) {

    /** What remains of the line (charge − insurance paid − adjustments − patient paid). */
    public BigDecimal balance() {
        return charge.subtract(insurancePaid).subtract(adjustments).subtract(patientPaid);
    }
}
