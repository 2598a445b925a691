package dev.revcycle.common.domain;

/**
 * No such record, or one of a practice the caller may not see: both are answered the same way, so
 * that a record's existence does not leak to another practice.
 */
public final class NotFound extends DomainException {
    private final String what;

    /** @param what the kind of record, as a user names it: "Patient", "Coverage" */
    public NotFound(String what) {
        super(what + " not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
