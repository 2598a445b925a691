package dev.revcycle.contracts.claims;

import java.time.Instant;
import java.util.UUID;

/** A claim went to the clearinghouse in submission batch {@code batchId}. Key: claimId. */
public record ClaimSubmitted(UUID claimId, String practiceId, UUID patientId, UUID batchId,
                             String patientControlNumber, Instant submittedAt, long version) {
}
