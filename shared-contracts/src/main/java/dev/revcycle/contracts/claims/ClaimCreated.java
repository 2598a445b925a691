package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A claim was created (DRAFT). Key: claimId; {@code version} is the claim's (1 for a new claim).
 * <p>Payments posts one CHARGE per line: insurance responsibility, or the patient's when
 * {@code coverageId} is absent (self-pay). A claim made from another — a secondary claim
 * ({@code primaryClaimId}) or a replacement ({@code replacesClaimId}) — carries the same charges and
 * payments posts none for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimCreated(UUID claimId, String practiceId, UUID patientId, UUID coverageId, UUID payerId,
                           /** PROFESSIONAL or INSTITUTIONAL */ String type, String patientControlNumber,
                           BigDecimal totalCharge, List<ClaimLineCharge> lines,
                           UUID primaryClaimId, UUID replacesClaimId, long version) {
}
