package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.x12.AcknowledgementDecisions.Decision;
import dev.revcycle.common.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What submission and acknowledgements need from the claims core (H1's branch: the claims table, the
 * {@code BillableClaims} loader and the status transitions with their events). Submission and acknowledgement
 * code depends on this port only; the claims core implements it with a small adapter when the branches meet.
 * Until then nothing implements it, and {@link SubmittingClaims}/{@link ApplyingAcknowledgements} answer
 * that submission is not available (see the README). Every method runs in the caller's transaction.
 */
public interface ClaimLifecycle {

    /** The claims with everything the 837 needs, of any practice (the caller checks visibility); unknown ids left out. */
    List<BillableClaim> billable(List<UUID> claimIds);

    /** READY → SUBMITTED with its history row and ClaimSubmitted. */
    void markSubmitted(Caller caller, UUID claimId, UUID batchId);

    /** A history row only (the status does not change): e.g. a batch of the claim that was never confirmed. */
    void record(String actor, UUID claimId, String source, String reason);

    /** REJECTED → reject (ClaimRejected with codes and reason), ACCEPTED → accept (ClaimAccepted), RECEIVED → history only. */
    void apply(String actor, Decision decision);

    /** The submitted (or accepted) claim with this patient control number, for a 277CA. */
    Optional<UUID> claimAwaitingAcknowledgement(String patientControlNumber);
}
