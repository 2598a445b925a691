package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One claim of a posted 835 (one event per CLP, so that no event grows with the file). Key: accountId;
 * {@code version} the account's after the posting. {@code claimStatusCode} is CLP02 (1 primary, 2
 * secondary, 4 denied, 22 reversal …), {@code patientControlNumber} CLP01, {@code payerClaimControlNumber}
 * CLP07; {@code claimAdjustments} the claim-level CAS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemittancePosted(UUID remittanceId, String traceNumber, String payerId, UUID accountId, UUID patientId,
                               String practiceId, UUID claimId, String patientControlNumber, String claimStatusCode,
                               LocalDate paidDate, String payerClaimControlNumber, BigDecimal charge, BigDecimal paid,
                               BigDecimal patientResponsibility, List<RemittanceAdjustment> claimAdjustments,
                               List<RemittanceLine> lines, long version) {
}
