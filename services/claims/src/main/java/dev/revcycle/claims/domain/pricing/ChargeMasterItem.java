package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a practice's charge master: what it charges for a procedure code (and modifier) and its self-pay
 * cash price, from {@code effectiveFrom} to {@code effectiveTo} (inclusive; null = open-ended).
 */
public record ChargeMasterItem(String procedureCode, String modifier, String description, BigDecimal standardCharge,
                               BigDecimal cashPrice, LocalDate effectiveFrom, LocalDate effectiveTo) {
    public static final int MAX_DESCRIPTION = 200;

    public ChargeMasterItem {
        procedureCode = ProcedureKey.normal(procedureCode);
        modifier = modifier == null || modifier.isBlank() ? "" : ProcedureKey.normal(modifier);
        description = description == null || description.isBlank() ? null : description.strip();
    }

    public ProcedureKey key() {
        return new ProcedureKey(procedureCode, modifier);
    }

    public boolean effectiveOn(LocalDate date) {
        return !effectiveFrom.isAfter(date) && (effectiveTo == null || !effectiveTo.isBefore(date));
    }

    boolean overlaps(ChargeMasterItem o) {
        LocalDate end = effectiveTo == null ? LocalDate.MAX : effectiveTo;
        LocalDate otherEnd = o.effectiveTo == null ? LocalDate.MAX : o.effectiveTo;
        return !effectiveFrom.isAfter(otherEnd) && !o.effectiveFrom.isAfter(end);
    }

    @Override
    public String toString() {
        return "ChargeMasterItem[" + procedureCode + (modifier.isEmpty() ? "" : "-" + modifier) + " from " + effectiveFrom + "]";
    }
}
