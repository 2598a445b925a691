package dev.revcycle.eligibility.domain;

/** A request that breaks a rule about one field (answered 400 naming the field). */
public class CoverageRuleViolation extends RuntimeException {
    private final String field;

    public CoverageRuleViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
