package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One installment of a plan: its number (1 = the first), due date and amount, and what is paid of it. */
public record Installment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid) {

    public boolean isPaid() {
        return paid.compareTo(amount) >= 0;
    }

    public BigDecimal open() {
        return amount.subtract(paid);
    }
}
