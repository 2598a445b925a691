package dev.revcycle.sandbox.remittance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One CAS adjustment: group (CO contractual, PR patient responsibility, OA other), CARC and amount.
 */
public record Adjustment(String group, String reason, BigDecimal amount) {

    public Adjustment {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(amount, "amount");
    }

    Adjustment negated() {
        return new Adjustment(group, reason, amount.negate());
    }
}
