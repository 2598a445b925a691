package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What placement needs to know of one account: its patient balance, the first statement of the unpaid
 * balance, the highest dunning level sent for it, and whether a hold, a current plan or a placement exists.
 */
public record PlacementCandidate(BigDecimal patientBalance, LocalDate firstStatementOn, DunningLevel levelSent,
                                 boolean onHold, boolean currentPlan, boolean placed) {
}
