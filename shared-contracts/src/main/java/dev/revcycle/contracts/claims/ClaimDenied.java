package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payer denied the claim (CLP02 4, or every line paid nothing with a denial code). Key: claimId.
 * {@code reasons} the denial adjustments, largest first; {@code suggestedAction} that of the largest
 * (DenialActions). Published beside its ClaimAdjudicated, with the same version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimDenied(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                          UUID adjudicationId, String payerClaimControlNumber, BigDecimal deniedAmount,
                          LocalDate deniedOn, List<DenialReason> reasons, String suggestedAction, Instant deniedAt,
                          long version) {
}
