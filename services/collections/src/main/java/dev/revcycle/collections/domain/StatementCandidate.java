package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a statement run knows about one account with a patient balance (no names: the run decides on
 * money and dates only). {@code lastStatementOn} and {@code lastLevel} are those of the current unpaid
 * balance (null when none was sent since the patient balance was last zero); {@code smallBalanceRequested}
 * is true when a small-balance write-off was already requested for this very balance (the account's
 * version).
 */
public record StatementCandidate(BigDecimal patientBalance, boolean onHold, boolean addressUndeliverable,
                                 boolean currentPlan, boolean placed, LocalDate lastStatementOn,
                                 DunningLevel lastLevel, boolean smallBalanceRequested) {
}
