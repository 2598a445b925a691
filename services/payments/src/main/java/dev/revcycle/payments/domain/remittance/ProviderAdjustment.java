package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One adjustment of a PLB segment (provider-level: not about a claim).
 *
 * @param providerId    PLB01
 * @param fiscalPeriod  PLB02, null when malformed
 * @param reasonCode    PLB03-1 (L6 interest, WO overpayment recovery, FB forward balance, 72 authorised return …)
 * @param reference     PLB03-2, often the payer claim control number a recoupment is about
 * @param amount        PLB04 …: positive reduces the payment, negative (interest) adds to it
 */
public record ProviderAdjustment(String providerId, LocalDate fiscalPeriod, String reasonCode, String reference,
                                 BigDecimal amount) {
}
