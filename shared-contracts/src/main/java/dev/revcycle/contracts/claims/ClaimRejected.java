package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The clearinghouse (999) or the payer (277CA categories A3–A8) rejected the claim. Key: claimId.
 * {@code source} is 999 or 277CA; {@code categoryCode}/{@code statusCode} are the 277CA's STC01-1/-2
 * (for a 999, the IK5/AK9 code in {@code statusCode}); {@code reason} is readable text without PHI.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimRejected(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                            String source, String categoryCode, String statusCode, String reason,
                            Instant rejectedAt, long version) {
}
