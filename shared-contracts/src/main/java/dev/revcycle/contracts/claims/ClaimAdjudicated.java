package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payer's 835 adjudicated the claim (payments' RemittancePosted). Key: claimId. {@code outcome} is
 * PAID, PARTIALLY_PAID, DENIED or REOPENED (a reversal, CLP02 22: the claim is ACCEPTED again);
 * {@code status} the claim's status after it, {@code previousStatus} before. The amounts are this answer's
 * (a reversal's are negative); {@code lines} one summary per service line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimAdjudicated(UUID claimId, String practiceId, UUID patientId, String patientControlNumber,
                               UUID adjudicationId, UUID remittanceId, String claimStatusCode, String outcome,
                               String previousStatus, String status, String payerClaimControlNumber,
                               LocalDate paidDate, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                               BigDecimal patientResponsibility, List<AdjudicationAdjustment> claimAdjustments,
                               List<AdjudicatedLine> lines, Instant adjudicatedAt, long version) {
}
