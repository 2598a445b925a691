package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's balances as payments last published them (AccountBalanceChanged), at payments' version.
 * {@code balance} = insurance + patient − credit.
 */
public record AccountBalances(BigDecimal balance, BigDecimal insuranceBalance, BigDecimal patientBalance,
                              BigDecimal creditBalance, LocalDate oldestOpenServiceDate, long version) {
    /** Where accounts with an open balance and no date of service are counted in aging_day. */
    public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    public boolean open() {
        return patientBalance.signum() > 0 || insuranceBalance.signum() > 0;
    }

    /** What this account adds to its practice's aging: nothing when nothing is owed. */
    public AgingContribution contribution() {
        if (!open()) {
            return null;
        }
        return new AgingContribution(oldestOpenServiceDate == null ? UNDATED : oldestOpenServiceDate, 1,
                patientBalance.signum() > 0 ? 1 : 0, insuranceBalance.signum() > 0 ? 1 : 0,
                patientBalance.max(BigDecimal.ZERO), insuranceBalance.max(BigDecimal.ZERO));
    }
}
