package dev.revcycle.patients.domain;

/** A request that breaks a rule about one field (answered 400 naming the field). */
public class PatientRuleViolation extends RuntimeException {
    private final String field;

    public PatientRuleViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
