package dev.revcycle.claims.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a claim is in its life. The only moves allowed are those of {@link #canMoveTo}: a DRAFT is
 * edited and scrubbed; a clean scrub makes it READY (an edit or a failed scrub takes it back to
 * DRAFT); a submission batch makes it SUBMITTED; the 999/277CA make it ACCEPTED or REJECTED; a
 * rejected claim is fixed after {@code resubmit} (back to DRAFT). A 277CA may also reject a claim
 * that an earlier 277CA accepted (payers send a second 277CA).
 */
public enum ClaimStatus {
    DRAFT,
    READY,
    SUBMITTED,
    ACCEPTED,
    REJECTED;

    private static final Map<ClaimStatus, Set<ClaimStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(READY),
            READY, EnumSet.of(DRAFT, SUBMITTED),
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED),
            ACCEPTED, EnumSet.of(REJECTED),
            REJECTED, EnumSet.of(DRAFT));

    public boolean canMoveTo(ClaimStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Only a DRAFT is edited (PATCH); any other status refuses an edit. */
    public boolean editable() {
        return this == DRAFT;
    }
}
