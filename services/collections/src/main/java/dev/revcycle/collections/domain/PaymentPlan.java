package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment plan and the payments counted to it. Payments are counted to the installment due: the total
 * paid covers installments in order (the first unpaid one first), so a payment larger than an installment
 * pays ahead and a reversed payment uncovers the latest installments again. The plan's state follows from
 * its terms, the total paid and the date:
 * <ul>
 *   <li>paid in full → COMPLETED (a reversal below the total → ACTIVE again);</li>
 *   <li>an installment due more than {@code graceDays} before {@code asOf} and not covered → LAPSED
 *       ({@link #lapseCheck}); a lapsed plan stays lapsed until it is renegotiated or paid in full.</li>
 * </ul>
 */
public record PaymentPlan(PlanTerms terms, PlanStatus status, BigDecimal paid) {

    public static PaymentPlan open(PlanTerms terms) {
        return new PaymentPlan(terms, PlanStatus.ACTIVE, BigDecimal.ZERO.setScale(2));
    }

    /** The schedule with what is paid of each installment. */
    public List<Installment> installments() {
        List<Installment> schedule = terms.schedule();
        List<Installment> out = new ArrayList<>(schedule.size());
        BigDecimal left = paid.max(BigDecimal.ZERO);
        for (Installment i : schedule) {
            BigDecimal counted = left.min(i.amount()).setScale(2, RoundingMode.UNNECESSARY);
            out.add(new Installment(i.number(), i.dueDate(), i.amount(), counted));
            left = left.subtract(counted);
        }
        return out;
    }

    public BigDecimal remaining() {
        return terms.totalAmount().subtract(paid).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The first installment not fully paid (empty when the plan is paid off). */
    public Optional<Installment> nextDue() {
        return installments().stream().filter(i -> !i.isPaid()).findFirst();
    }

    /** What is owed under the plan on {@code asOf}: the open part of every installment due by then. */
    public BigDecimal amountDue(LocalDate asOf) {
        return installments().stream().filter(i -> !i.dueDate().isAfter(asOf)).map(Installment::open)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The installments in arrears on {@code asOf} (due, not fully paid). */
    public long installmentsInArrears(LocalDate asOf) {
        return installments().stream().filter(i -> !i.dueDate().isAfter(asOf) && !i.isPaid()).count();
    }

    /** A payment counted to the plan (a reversal is a negative amount). */
    public PaymentPlan count(BigDecimal amount) {
        BigDecimal total = paid.add(amount).setScale(2, RoundingMode.UNNECESSARY);
        PlanStatus next = status;
        if (status == PlanStatus.RENEGOTIATED) {
            return new PaymentPlan(terms, status, total);
        }
        if (total.compareTo(terms.totalAmount()) >= 0) {
            next = PlanStatus.COMPLETED;
        } else if (status == PlanStatus.COMPLETED) {
            next = PlanStatus.ACTIVE;
        }
        return new PaymentPlan(terms, next, total);
    }

    /**
     * Whether the plan lapses on {@code asOf}: active, and an installment due on or before
     * {@code asOf − graceDays} is not fully paid. A grace period of 10 days lets an installment due on
     * the 1st be paid until the 11th; on the 12th the plan lapses.
     */
    public boolean lapsesOn(LocalDate asOf, int graceDays) {
        if (status != PlanStatus.ACTIVE) {
            return false;
        }
        LocalDate latestDueAllowed = asOf.minusDays(graceDays + 1L);
        return installments().stream().anyMatch(i -> !i.dueDate().isAfter(latestDueAllowed) && !i.isPaid());
    }

    /** The installment whose miss lapses the plan on {@code asOf} (the earliest one), if any. */
    public Optional<Installment> missed(LocalDate asOf, int graceDays) {
        LocalDate latestDueAllowed = asOf.minusDays(graceDays + 1L);
        return installments().stream().filter(i -> !i.dueDate().isAfter(latestDueAllowed) && !i.isPaid()).findFirst();
    }

    /** The lapse check's result: LAPSED when {@link #lapsesOn}, else this plan unchanged. */
    public PaymentPlan lapseCheck(LocalDate asOf, int graceDays) {
        return lapsesOn(asOf, graceDays) ? new PaymentPlan(terms, PlanStatus.LAPSED, paid) : this;
    }

    /** A lapsed plan replaced: only a lapsed plan can be renegotiated. */
    public PaymentPlan renegotiated() {
        if (status != PlanStatus.LAPSED) {
            throw new IllegalStateException("only a lapsed plan can be renegotiated");
        }
        return new PaymentPlan(terms, PlanStatus.RENEGOTIATED, paid);
    }
}
