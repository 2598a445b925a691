package dev.revcycle.collections.domain;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry of an account's correspondence and inquiry log. A PROMISE_TO_PAY needs the day it is promised by
 * ({@code followUpOn}, today or later; the work queue leaves the account alone until then) and may say how much.
 */
public record NoteTerms(String kind, String text, LocalDate followUpOn, BigDecimal promisedAmount) {

    public enum Kind { CALL, LETTER, EMAIL, INQUIRY, COMPLAINT, PROMISE_TO_PAY }

    public Kind noteKind() {
        return Kind.valueOf(kind);
    }

    public List<FieldError> violations(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Kind k = null;
        if (kind == null) {
            errors.add(new FieldError("kind", "is required"));
        } else {
            try {
                k = Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be one of CALL, LETTER, EMAIL, INQUIRY, COMPLAINT, PROMISE_TO_PAY"));
            }
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "is required"));
        } else if (text.strip().length() > 4000) {
            errors.add(new FieldError("text", "must be at most 4000 characters"));
        }
        if (followUpOn != null && followUpOn.isBefore(today)) {
            errors.add(new FieldError("followUpOn", "must be today or later"));
        }
        if (followUpOn != null && followUpOn.isAfter(today.plusYears(2))) {
            errors.add(new FieldError("followUpOn", "must be within two years"));
        }
        if (k == Kind.PROMISE_TO_PAY && followUpOn == null) {
            errors.add(new FieldError("followUpOn", "is required for a promise to pay: the day it is promised by"));
        }
        if (promisedAmount != null) {
            if (k != Kind.PROMISE_TO_PAY) {
                errors.add(new FieldError("promisedAmount", "is only for a promise to pay"));
            } else if (promisedAmount.signum() <= 0 || promisedAmount.stripTrailingZeros().scale() > 2
                    || promisedAmount.compareTo(new BigDecimal("9999999999.99")) > 0) {
                errors.add(new FieldError("promisedAmount", "must be an amount above zero with at most two decimals"));
            }
        }
        return errors;
    }

    @Override
    public String toString() {
        return "NoteTerms[" + kind + "]";
    }
}
