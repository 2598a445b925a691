package dev.revcycle.claims.scrub;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The scrubber's one question to the store: has this practice already submitted a claim (SUBMITTED,
 * ACCEPTED) for the same patient with a line on {@code serviceDate} and the same procedure codes?
 * {@code excludingClaimId} is the claim being scrubbed.
 */
public interface SubmittedClaims {
    boolean existsSubmittedDuplicate(String practiceId, UUID patientId, LocalDate serviceDate, Set<String> procedureCodes,
                                     UUID excludingClaimId);

    /** For callers that have no store (tests, previews): nothing was ever submitted. */
    SubmittedClaims NONE = (practiceId, patientId, serviceDate, procedureCodes, excludingClaimId) -> false;
}
