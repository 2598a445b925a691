package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The payer accepted a correction (an 837 with frequency code 7, REF*F8 the payer's claim control number) of a claim:
 * the correction replaces it, and payments moves the claim's standing charges to the correction's lines (reverses
 * the original's CHARGE entries and posts one per line of {@code lines}). Key: claimId (the replaced claim).
 * {@code correctionClaimId}/{@code correctionPatientControlNumber} are the frequency-7 claim, {@code lines} and
 * {@code totalCharge} its charges as the payer accepted them; {@code version} is the replaced claim's version (it
 * does not change: the correction's answer is the one that counts from now on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimReplaced(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                            String payerClaimControlNumber, UUID correctionClaimId, String correctionPatientControlNumber,
                            BigDecimal totalCharge, List<ClaimLineCharge> lines, Instant replacedAt, long version) {
}
