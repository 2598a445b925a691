package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The payer accepted the claim for adjudication (277CA category A2). Key: claimId.
 * {@code payerClaimControlNumber} is the payer's id for the claim when the 277CA gives one (REF*1K).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimAccepted(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                            String payerClaimControlNumber, Instant acceptedAt, long version) {
}
