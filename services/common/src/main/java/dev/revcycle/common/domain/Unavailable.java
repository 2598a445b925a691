package dev.revcycle.common.domain;

/**
 * A partner system the request needs (a clearinghouse, a payer) gave no usable answer, so nothing was done or
 * recorded. {@code retryLater}: it is down or timed out, ask again later (503 with Retry-After); otherwise its
 * answer was a refusal or unreadable (502). The message names no submitted value and no PHI.
 */
public final class Unavailable extends DomainException {
    /** How long a client should wait before asking again after an outage. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private final Reason reason;
    private final boolean retryLater;

    public Unavailable(Reason reason, String detail, boolean retryLater) {
        super(detail);
        this.reason = reason;
        this.retryLater = retryLater;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryLater() {
        return retryLater;
    }
}
