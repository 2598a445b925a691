package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A PLB adjustment as the practice's provider-level books hold it (not any patient's account): shown as its own
 * line of the month-end journal.
 *
 * @param amount signed as in the 835: positive withheld from the practice (WO recoupment, FB forward balance),
 *               negative paid to it (L6 interest)
 */
public record ProviderLevelEntry(String reasonCode, String reference, BigDecimal amount, LocalDate effectiveDate,
                                 String sourceReference) {

    /** True for what the payer paid in addition (interest), false for what it withheld. */
    public boolean paidToPractice() {
        return amount.signum() < 0;
    }
}
