package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A DRAFT claim was edited. Key: claimId. {@code lines} are the claim's lines now, all of them:
 * payments reverses the charges it posted for the claim and posts these (unless the claim was made
 * from another, see {@link ClaimCreated}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimChanged(UUID claimId, String practiceId, UUID patientId, UUID coverageId, UUID payerId,
                           String patientControlNumber, BigDecimal totalCharge, List<ClaimLineCharge> lines,
                           UUID primaryClaimId, UUID replacesClaimId, long version) {
}
