package dev.revcycle.common.domain;

/** The record changed since the caller read it (its version is not the one the caller named). */
public final class StaleVersion extends DomainException {

    /** @param detail what to do about it, e.g. "read it again and reapply your change" */
    public StaleVersion(String detail) {
        super(detail);
    }

    /** Refuses unless {@code expected} is null (the caller did not say) or the current version. */
    public static void require(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new StaleVersion("The " + what + " changed since you read it; read it again and reapply your change");
        }
    }
}
