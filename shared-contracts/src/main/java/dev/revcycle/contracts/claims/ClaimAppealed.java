package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A billing representative appealed an adjudicated claim (denied, partly paid, or paid less than expected).
 * Key: appealId (the appeal is the aggregate; version 1). {@code claimStatus} is the claim's status when
 * appealed; {@code disputedAmount} what the appeal asks the payer for; {@code deadline} the payer's last day for
 * it. The reason and the letter are free text and stay in claims (they may name the patient).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimAppealed(UUID appealId, UUID claimId, String practiceId, UUID patientId, UUID payerId,
                            String patientControlNumber, String claimStatus, BigDecimal disputedAmount,
                            LocalDate deadline, Instant appealedAt, long version) {
}
