package dev.revcycle.common.domain;

import java.util.Map;

/**
 * The request is well-formed but cannot be carried out as asked: it names something unknown (a
 * payer, a patient this service has not learned of) or asks what the record's state does not allow
 * (checking a terminated coverage).
 */
public final class Unprocessable extends DomainException {
    private final Reason reason;
    private final Map<String, Object> details;

    /**
     * @param detail  what to do about it; never a submitted value
     * @param details what a client needs, e.g. {@code survivorId}; ids, never PHI
     */
    public Unprocessable(Reason reason, String detail, Map<String, Object> details) {
        super(detail);
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Unprocessable(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }
}
