package dev.revcycle.eligibility.domain;

/** A coverage that cannot be checked for the service date asked (answered 422). */
public class NotCheckable extends RuntimeException {
    /** Why, as a stable problem slug. */
    public enum Reason {
        COVERAGE_TERMINATED, SERVICE_DATE_OUTSIDE_COVERAGE
    }

    private final Reason reason;

    public NotCheckable(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
