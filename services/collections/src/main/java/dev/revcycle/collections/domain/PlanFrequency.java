package dev.revcycle.collections.domain;

import java.time.LocalDate;

/** How often a payment plan's installments fall due. */
public enum PlanFrequency {
    /** The same day each month, counted from the first due date (31 January → 28 February → 31 March). */
    MONTHLY {
        @Override
        public LocalDate due(LocalDate first, int index) {
            return first.plusMonths(index);
        }
    },
    /** Every 14 days from the first due date. */
    BIWEEKLY {
        @Override
        public LocalDate due(LocalDate first, int index) {
            return first.plusDays(14L * index);
        }
    };

    /** The due date of installment {@code index} (0 = the first). */
    public abstract LocalDate due(LocalDate first, int index);
}
