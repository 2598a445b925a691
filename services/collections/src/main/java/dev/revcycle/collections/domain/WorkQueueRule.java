package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which delinquent accounts a collector works, why, and in which order.
 *
 * <p>An account with a patient balance is in the queue on {@code asOf} for the first reason that holds:
 * <ol>
 *   <li>LAPSED_PLAN — its latest plan lapsed (and was not renegotiated);</li>
 *   <li>BROKEN_PROMISE — a promise to pay whose date has passed with no patient payment since the promise;</li>
 *   <li>READY_FOR_PLACEMENT / FINAL_NOTICE_SENT — the final notice was sent (ready when placement would pick it);</li>
 *   <li>OVER_90_DAYS — the patient balance is more than 90 days old (by the oldest open date of service).</li>
 * </ol>
 * Never in the queue: accounts on hold, placed, on a current plan, or with a promise to pay whose date has not
 * come (suppressed until that date, inclusive). A patient balance of 90 days or less with none of the reasons
 * above follows the practice's statement protocol (the dunning letters of {@link StatementCycle}) and is not
 * worked by hand.
 *
 * <p>Order: tier 1 (lapsed plans, broken promises) first, then by score = patient balance × age in days,
 * highest first; ties by the older account, then the account id.
 */
public final class WorkQueueRule {
    public static final int PROTOCOL_DAYS = 90;

    private WorkQueueRule() {
    }

    /** What the queue knows of one account. {@code promiseOn}: the latest promise-to-pay date, if any. */
    public record Account(BigDecimal patientBalance, LocalDate oldestOpenServiceDate, boolean onHold, boolean placed,
                          boolean currentPlan, boolean lapsedPlan, LocalDate promiseOn, boolean paidSincePromise,
                          DunningLevel levelSent, boolean placementEligible) {
    }

    public static Optional<WorkItemReason> reason(Account a, LocalDate asOf) {
        if (a.patientBalance() == null || a.patientBalance().signum() <= 0 || a.onHold() || a.placed() || a.currentPlan()) {
            return Optional.empty();
        }
        if (a.promiseOn() != null && !a.promiseOn().isBefore(asOf)) {
            return Optional.empty();
        }
        if (a.lapsedPlan()) {
            return Optional.of(WorkItemReason.LAPSED_PLAN);
        }
        if (a.promiseOn() != null && !a.paidSincePromise()) {
            return Optional.of(WorkItemReason.BROKEN_PROMISE);
        }
        if (a.levelSent() == DunningLevel.FINAL_NOTICE) {
            return Optional.of(a.placementEligible() ? WorkItemReason.READY_FOR_PLACEMENT : WorkItemReason.FINAL_NOTICE_SENT);
        }
        if (ageDays(a.oldestOpenServiceDate(), asOf) > PROTOCOL_DAYS) {
            return Optional.of(WorkItemReason.OVER_90_DAYS);
        }
        return Optional.empty();
    }

    public static long ageDays(LocalDate oldestOpenServiceDate, LocalDate asOf) {
        return oldestOpenServiceDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(oldestOpenServiceDate, asOf));
    }

    /** Balance × age in days, the order within a tier. */
    public static BigDecimal score(BigDecimal patientBalance, long ageDays) {
        return patientBalance.multiply(BigDecimal.valueOf(ageDays)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The queue's order over items of (tier, score, age, id). */
    public static <T> Comparator<T> order(java.util.function.ToIntFunction<T> tier,
                                          java.util.function.Function<T, BigDecimal> score,
                                          java.util.function.ToLongFunction<T> age,
                                          java.util.function.Function<T, String> id) {
        return Comparator.comparingInt(tier).thenComparing(score, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingLong(age).reversed()).thenComparing(id);
    }
}
