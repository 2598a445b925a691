package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The statement rules of one practice (from its policy): who gets a statement on a run date, at which
 * level, and when it is due. The statement run applies the same rules set-based in SQL
 * ({@code store/StatementRunStore}); {@code StatementCycleTest} states them and the run's test checks the
 * two agree on the same accounts.
 *
 * <ol>
 *   <li>no patient balance (zero or a credit): nothing;</li>
 *   <li>a balance whose last statement is less than {@code cycleDays} old: not due yet, nothing;</li>
 *   <li>placed with an agency → {@link StatementOutcome#SKIPPED_PLACED}; an open hold → SKIPPED_HOLD; an
 *       undeliverable address → SKIPPED_UNDELIVERABLE; a current plan → SKIPPED_PLAN (in this order);</li>
 *   <li>under the small-balance threshold → SMALL_BALANCE_WRITE_OFF (once per balance: again nothing);</li>
 *   <li>otherwise ISSUED at {@link DunningLevel#next} of the last level, due {@code dueDays} after the run.</li>
 * </ol>
 */
public record StatementCycle(int cycleDays, int dunningLevels, BigDecimal smallBalanceThreshold, int dueDays) {

    public StatementCycle {
        if (cycleDays < 1) {
            throw new IllegalArgumentException("the statement cycle must be at least one day");
        }
        DunningLevel.sequence(dunningLevels);
        if (smallBalanceThreshold == null || smallBalanceThreshold.signum() < 0) {
            throw new IllegalArgumentException("the small-balance threshold must be zero or more");
        }
        if (dueDays < 0) {
            throw new IllegalArgumentException("the due days must be zero or more");
        }
    }

    /** Days from a statement to its due date when the policy says nothing: 21, a common patient-statement term. */
    public static final int DEFAULT_DUE_DAYS = 21;

    /** The decision for one account on {@code asOf}: empty when the run leaves it alone. */
    public Optional<StatementOutcome> decide(StatementCandidate account, LocalDate asOf) {
        if (account.patientBalance() == null || account.patientBalance().signum() <= 0) {
            return Optional.empty();
        }
        if (!dueInCycle(account.lastStatementOn(), asOf)) {
            return Optional.empty();
        }
        if (account.placed()) {
            return Optional.of(StatementOutcome.SKIPPED_PLACED);
        }
        if (account.onHold()) {
            return Optional.of(StatementOutcome.SKIPPED_HOLD);
        }
        if (account.addressUndeliverable()) {
            return Optional.of(StatementOutcome.SKIPPED_UNDELIVERABLE);
        }
        if (account.currentPlan()) {
            return Optional.of(StatementOutcome.SKIPPED_PLAN);
        }
        if (account.patientBalance().compareTo(smallBalanceThreshold) < 0) {
            return account.smallBalanceRequested() ? Optional.empty() : Optional.of(StatementOutcome.SMALL_BALANCE_WRITE_OFF);
        }
        return Optional.of(StatementOutcome.ISSUED);
    }

    /** Whether a balance last stated on {@code lastStatementOn} (null: never) is due a statement on {@code asOf}. */
    public boolean dueInCycle(LocalDate lastStatementOn, LocalDate asOf) {
        return lastStatementOn == null || !lastStatementOn.plusDays(cycleDays).isAfter(asOf);
    }

    /** The level of the next statement after {@code lastLevel}. */
    public DunningLevel nextLevel(DunningLevel lastLevel) {
        return DunningLevel.next(lastLevel, dunningLevels);
    }

    /** The due date printed on a statement issued on {@code issuedOn}. */
    public LocalDate dueDate(LocalDate issuedOn) {
        return issuedOn.plusDays(dueDays);
    }
}
