package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The payer accepted a void (an 837 with frequency code 8, REF*F8 the payer's claim control number) of a claim:
 * the claim is VOIDED, and payments reverses its charges. Key: claimId (the voided claim).
 * {@code voidClaimId}/{@code voidPatientControlNumber} are the frequency-8 claim that carried the void;
 * {@code version} is the voided claim's version after the move.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimVoided(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                          String payerClaimControlNumber, UUID voidClaimId, String voidPatientControlNumber,
                          Instant voidedAt, long version) {
}
