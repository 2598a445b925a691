package dev.revcycle.claims.app;

import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unavailable;

/**
 * A synchronous exchange with the clearinghouse that gave no usable answer: an outage (a timeout, no connection, a
 * 5xx) is {@code clearinghouse-unavailable} (503, ask again later), a refusal or an unreadable 277 is
 * {@code clearinghouse-bad-answer} (502). The message names no value of the files (no PHI); nothing was recorded.
 */
public final class ClearinghouseFailures {
    static final Reason UNAVAILABLE = new Reason("clearinghouse-unavailable",
            "The clearinghouse is not answering: nothing was recorded, ask again later");
    static final Reason BAD_ANSWER = new Reason("clearinghouse-bad-answer",
            "The clearinghouse gave no usable answer: nothing was recorded");

    private ClearinghouseFailures() {
    }

    public static Unavailable of(String message, boolean unavailable) {
        return new Unavailable(unavailable ? UNAVAILABLE : BAD_ANSWER, message, unavailable);
    }
}
