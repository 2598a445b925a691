package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient account as collections knows it: payments' balances, and what collections keeps of its own
 * (the latest promise to pay; the survivor's account when the patient was merged).
 */
public record Account(UUID id, String practiceId, UUID patientId, AccountBalances balances,
                      LocalDate promiseToPayUntil, BigDecimal promiseToPayAmount, UUID mergedInto) {

    /** Whether a promise to pay covers the day (the work queue leaves the account alone until then). */
    public boolean promiseCovers(LocalDate day) {
        return promiseToPayUntil != null && !day.isAfter(promiseToPayUntil);
    }
}
