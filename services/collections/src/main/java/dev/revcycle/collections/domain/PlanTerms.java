package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a patient agrees to: a total paid in installments of a fixed amount (the last one is what remains).
 * {@link #check} lists every problem at once (field and message); a plan is refused when it never
 * finishes (more installments than {@link #maxInstallments} allows: five years), when its installment is
 * under the practice's minimum or above the total, when it asks for more than the patient owes, or when
 * its first due date is in the past or more than {@link #MAX_DAYS_TO_FIRST_DUE} days away.
 */
public record PlanTerms(BigDecimal totalAmount, BigDecimal installmentAmount, PlanFrequency frequency,
                        LocalDate firstDueDate) {

    /** Five years of installments: a plan that takes longer is treated as one that never finishes. */
    public static int maxInstallments(PlanFrequency frequency) {
        return frequency == PlanFrequency.MONTHLY ? 60 : 130;
    }

    public static final int MAX_DAYS_TO_FIRST_DUE = 90;

    /** A refused field: its name and why. */
    public record Problem(String field, String message) {
    }

    /** Every problem of these terms for an account owing {@code patientBalance} on {@code today}. */
    public List<Problem> check(BigDecimal minimumInstallment, BigDecimal patientBalance, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        boolean amounts = money(problems, "totalAmount", totalAmount) & money(problems, "installmentAmount", installmentAmount);
        if (frequency == null) {
            problems.add(new Problem("frequency", "must be MONTHLY or BIWEEKLY"));
        }
        if (firstDueDate == null) {
            problems.add(new Problem("firstDueDate", "is required"));
        } else if (firstDueDate.isBefore(today)) {
            problems.add(new Problem("firstDueDate", "must not be in the past"));
        } else if (firstDueDate.isAfter(today.plusDays(MAX_DAYS_TO_FIRST_DUE))) {
            problems.add(new Problem("firstDueDate", "must be within " + MAX_DAYS_TO_FIRST_DUE + " days"));
        }
        if (!amounts) {
            return problems;
        }
        if (installmentAmount.compareTo(totalAmount) > 0) {
            problems.add(new Problem("installmentAmount", "must not exceed the total amount"));
        }
        if (minimumInstallment != null && installmentAmount.compareTo(minimumInstallment) < 0) {
            problems.add(new Problem("installmentAmount", "is below the practice's minimum installment of "
                    + minimumInstallment.setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
        }
        if (frequency != null && installmentCount() > maxInstallments(frequency)) {
            problems.add(new Problem("installmentAmount", "the plan would never finish: more than "
                    + maxInstallments(frequency) + " installments"));
        }
        if (patientBalance != null && totalAmount.compareTo(patientBalance) > 0) {
            problems.add(new Problem("totalAmount", "must not exceed the account's patient balance"));
        }
        return problems;
    }

    private static boolean money(List<Problem> problems, String field, BigDecimal amount) {
        if (amount == null) {
            problems.add(new Problem(field, "is required"));
            return false;
        }
        if (amount.signum() <= 0) {
            problems.add(new Problem(field, "must be more than zero"));
            return false;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(field, "must have at most two decimals"));
            return false;
        }
        return true;
    }

    /** How many installments the plan has (the last one may be smaller). */
    public int installmentCount() {
        return totalAmount.divide(installmentAmount, 0, RoundingMode.CEILING).intValueExact();
    }

    /** The schedule, nothing paid yet. Only for terms {@link #check} accepted. */
    public List<Installment> schedule() {
        int count = installmentCount();
        List<Installment> schedule = new ArrayList<>(count);
        BigDecimal remaining = totalAmount.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < count; i++) {
            BigDecimal amount = remaining.min(installmentAmount).setScale(2, RoundingMode.UNNECESSARY);
            schedule.add(new Installment(i + 1, frequency.due(firstDueDate, i), amount, zero));
            remaining = remaining.subtract(amount);
        }
        return schedule;
    }
}
