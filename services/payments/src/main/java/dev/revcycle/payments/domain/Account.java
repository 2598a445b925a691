package dev.revcycle.payments.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One patient's account at one practice. {@code insuranceSum}/{@code patientSum} are the signed sums of
 * its entries per responsibility; a negative sum is money held for the patient or payer (credit).
 */
public record Account(UUID id, UUID patientId, String practiceId, BigDecimal insuranceSum, BigDecimal patientSum,
                      BigDecimal badDebtOpen, LocalDate oldestOpenServiceDate, UUID mergedInto, long version,
                      long patientVersion) {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public BigDecimal balance() {
        return insuranceSum.add(patientSum);
    }

    public BigDecimal insuranceBalance() {
        return insuranceSum.max(ZERO);
    }

    public BigDecimal patientBalance() {
        return patientSum.max(ZERO);
    }

    public BigDecimal creditBalance() {
        return insuranceSum.min(ZERO).add(patientSum.min(ZERO)).negate();
    }

    public Account with(BigDecimal insurance, BigDecimal patient, BigDecimal badDebt, LocalDate oldestOpen) {
        return new Account(id, patientId, practiceId, insurance, patient, badDebt, oldestOpen, mergedInto, version + 1,
                patientVersion);
    }
}
