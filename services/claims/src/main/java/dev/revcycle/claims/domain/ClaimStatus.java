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
 *
 * <p>The payer's 835 (through payments' {@code RemittancePosted}) adjudicates a submitted or accepted
 * claim: PAID, PARTIALLY_PAID or DENIED (an 835 may come before, or without, a 277CA). A later 835 may
 * adjudicate it again (an appeal overturned, a corrected payment), and a payer's reversal (CLP02 22)
 * reopens it: back to ACCEPTED, waiting for the payer's next word. A void ends an accepted or
 * adjudicated claim: VOIDED is final.
 */
public enum ClaimStatus {
    DRAFT,
    READY,
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    PAID,
    PARTIALLY_PAID,
    DENIED,
    VOIDED;

    private static final Map<ClaimStatus, Set<ClaimStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(READY),
            READY, EnumSet.of(DRAFT, SUBMITTED),
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED, PAID, PARTIALLY_PAID, DENIED),
            ACCEPTED, EnumSet.of(REJECTED, PAID, PARTIALLY_PAID, DENIED, VOIDED),
            REJECTED, EnumSet.of(DRAFT),
            PAID, EnumSet.of(ACCEPTED, PARTIALLY_PAID, DENIED, VOIDED),
            PARTIALLY_PAID, EnumSet.of(ACCEPTED, PAID, DENIED, VOIDED),
            DENIED, EnumSet.of(ACCEPTED, PAID, PARTIALLY_PAID, VOIDED),
            VOIDED, EnumSet.noneOf(ClaimStatus.class));

    public boolean canMoveTo(ClaimStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Only a DRAFT is edited (PATCH); any other status refuses an edit. */
    public boolean editable() {
        return this == DRAFT;
    }

    /** The payer has decided on the claim (an 835 said so): what corrections and voids start from. */
    public boolean adjudicated() {
        return this == PAID || this == PARTIALLY_PAID || this == DENIED;
    }
}
