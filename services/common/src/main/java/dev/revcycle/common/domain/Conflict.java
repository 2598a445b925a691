package dev.revcycle.common.domain;

import java.util.Map;

/**
 * The request conflicts with the current state of a record (a duplicate, a priority already taken,
 * a record already merged). Retrying the same request will not help until the state changes.
 */
public final class Conflict extends DomainException {
    /** A conflict with no more specific reason. */
    public static final Reason STATE = new Reason("conflict", "The request conflicts with the current state");

    private final Reason reason;
    private final Map<String, Object> details;

    /**
     * @param detail  what to do about it; never a submitted value
     * @param details what a client needs to resolve it, e.g. {@code existingPayerId}; ids, never PHI
     */
    public Conflict(Reason reason, String detail, Map<String, Object> details) {
        super(detail);
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Conflict(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    /** A conflict with the record's state, without a more specific reason. */
    public Conflict(String detail) {
        this(STATE, detail, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }
}
