package dev.revcycle.eligibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What came back from one 270: the payer's answer, or why there is none.
 *
 * @param x271        the response as received, null when nothing readable as a response came back
 * @param errorReason for ERROR: what went wrong, in words a representative understands; never PHI
 */
public record CheckOutcome(CheckStatus status, LocalDate planBegin, LocalDate planEnd, Benefits benefits,
                           List<Rejection> rejections, String errorReason, String x271) {
    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        if (benefits != null && benefits.isEmpty()) {
            benefits = null;
        }
    }

    /** The clearinghouse or the payer failed: no answer about coverage. */
    public static CheckOutcome failed(String reason, String x271) {
        return new CheckOutcome(CheckStatus.ERROR, null, null, null, List.of(), reason, x271);
    }

    @Override
    public String toString() {
        return "CheckOutcome[" + status + "]";
    }
}
