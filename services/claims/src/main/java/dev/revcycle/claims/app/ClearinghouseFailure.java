package dev.revcycle.claims.app;

/**
 * A synchronous exchange with the clearinghouse that gave no usable answer: {@code unavailable} (a timeout, no
 * connection, a 5xx: try again later, HTTP 503) or a bad answer (a refusal, an unreadable 277: HTTP 502). Its
 * message is safe to show: it names no value of the files (no PHI). Nothing was recorded.
 */
public final class ClearinghouseFailure extends RuntimeException {
    private final boolean unavailable;

    public ClearinghouseFailure(String message, boolean unavailable) {
        super(message, null, false, false);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
