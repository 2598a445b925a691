package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which accounts go to the agency on a placement date. An account is placed when all hold:
 * <ul>
 *   <li>not already placed;</li>
 *   <li>its patient balance is at least {@code minimumBalance} (and more than zero);</li>
 *   <li>at least {@code afterDays} days have passed since the first statement of the unpaid balance;</li>
 *   <li>the final notice was sent for that balance;</li>
 *   <li>no open hold of any type and no current payment plan.</li>
 * </ul>
 * {@link #whyNot} names the first rule an account fails (for the collection status and the tests).
 */
public record PlacementRule(int afterDays, BigDecimal minimumBalance) {

    public PlacementRule {
        if (afterDays < 0) {
            throw new IllegalArgumentException("placement days must be zero or more");
        }
        if (minimumBalance == null || minimumBalance.signum() < 0) {
            throw new IllegalArgumentException("the minimum placement balance must be zero or more");
        }
    }

    public boolean eligible(PlacementCandidate account, LocalDate asOf) {
        return whyNot(account, asOf).isEmpty();
    }

    /** The first rule the account fails on {@code asOf}; empty when it is to be placed. */
    public Optional<String> whyNot(PlacementCandidate account, LocalDate asOf) {
        if (account.placed()) {
            return Optional.of("already placed");
        }
        if (account.patientBalance() == null || account.patientBalance().signum() <= 0
                || account.patientBalance().compareTo(minimumBalance) < 0) {
            return Optional.of("patient balance under the minimum placement balance");
        }
        if (account.firstStatementOn() == null || account.firstStatementOn().plusDays(afterDays).isAfter(asOf)) {
            return Optional.of("fewer than " + afterDays + " days since the first statement");
        }
        if (account.levelSent() != DunningLevel.FINAL_NOTICE) {
            return Optional.of("no final notice sent");
        }
        if (account.onHold()) {
            return Optional.of("on hold");
        }
        if (account.currentPlan()) {
            return Optional.of("on a current payment plan");
        }
        return Optional.empty();
    }
}
