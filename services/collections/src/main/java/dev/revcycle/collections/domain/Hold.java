package dev.revcycle.collections.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold on an account. Active while not released and, when it has an end, until that day included.
 * {@code releaseReason} is RELEASED, DISCHARGED, ADDRESS_CORRECTED, MERGED or EXPIRED (its end date passed); {@code releaseNote} the
 * collector's words.
 */
public record Hold(UUID id, UUID accountId, String practiceId, UUID patientId, HoldType type, String note,
                   String reference, LocalDate until, boolean automatic, HoldTerms.Bankruptcy bankruptcy,
                   HoldTerms.Probate probate, HoldTerms.Attorney attorney, HoldTerms.Dispute dispute,
                   String placedBy, Instant placedAt, Instant releasedAt, String releasedBy, String releaseReason,
                   String releaseNote, LocalDate dischargedOn, UUID writeOffRequestId) {

    public static final String RELEASED = "RELEASED";
    public static final String DISCHARGED = "DISCHARGED";
    public static final String ADDRESS_CORRECTED = "ADDRESS_CORRECTED";
    public static final String MERGED = "MERGED";
    /** Its {@code until} passed: released by the daily job. */
    public static final String EXPIRED = "EXPIRED";

    public boolean activeOn(LocalDate day) {
        return releasedAt == null && (until == null || !day.isAfter(until));
    }

    public String status(LocalDate day) {
        if (releasedAt != null) {
            return DISCHARGED.equals(releaseReason) ? "DISCHARGED" : EXPIRED.equals(releaseReason) ? "EXPIRED" : "RELEASED";
        }
        return activeOn(day) ? "ACTIVE" : "EXPIRED";
    }

    @Override
    public String toString() {
        return "Hold[" + id + ", " + type + "]";
    }
}
