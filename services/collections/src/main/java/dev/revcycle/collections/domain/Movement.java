package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One movement of the ledger as payments published it: a charge, a payment, an adjustment (of any kind:
 * contractual, transfer, write-off, recovery, reversal), a payment's reversal or a refund. The effects are
 * signed changes to each balance, by payments' sign rules; null where the event alone does not say (a
 * REVERSAL takes its original's, looked up when the original is known).
 */
public record Movement(UUID id, UUID accountId, String practiceId, UUID patientId, Type type, String kind,
                       String entryType, BigDecimal amount, String responsibility, UUID claimId, UUID claimLineId,
                       UUID paymentId, String method, String source, String groupCode, String reasonCode,
                       UUID reversalOf, LocalDate effectiveDate, Instant postedAt, long accountVersion) {

    public enum Type { CHARGE, PAYMENT, ADJUSTMENT, PAYMENT_REVERSAL, REFUND }

    /** {insuranceEffect, patientEffect}; both null for a REVERSAL (its original's effect, negated). */
    public BigDecimal[] effects() {
        boolean patient = "PATIENT".equals(responsibility);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal signed;
        BigDecimal other = zero;
        switch (type) {
            case CHARGE, REFUND, PAYMENT_REVERSAL -> signed = amount;
            case PAYMENT -> signed = amount.negate();
            case ADJUSTMENT -> {
                if ("REVERSAL".equals(entryType) && !"RECOVERY".equals(kind)) {
                    return new BigDecimal[] {null, null};
                }
                if ("RECOVERY".equals(kind)) {
                    // restores written-off bad debt on the patient's side
                    return new BigDecimal[] {zero, amount};
                }
                if ("TRANSFER".equals(entryType)) {
                    signed = amount;
                    other = amount.negate();
                } else {
                    signed = amount.negate();
                }
            }
            default -> throw new IllegalStateException();
        }
        return patient ? new BigDecimal[] {other, signed} : new BigDecimal[] {signed, other};
    }
}
