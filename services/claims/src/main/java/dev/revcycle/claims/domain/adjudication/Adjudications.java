package dev.revcycle.claims.domain.adjudication;

import dev.revcycle.claims.domain.ClaimStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What claims keeps of payers' answers (the adjudication rows, their lines, the denials queue), as plain values. */
public final class Adjudications {
    private Adjudications() {
    }

    /** The claim's current payer answer (claim.paid_amount …): net paid, the payer's claim number, when. */
    public record Summary(BigDecimal paid, String payerClaimControlNumber, Instant adjudicatedAt) {
    }

    /** One CAS adjustment as stored (jsonb). */
    public record StoredAdjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
    }

    public record NewLine(int lineNumber, UUID claimLineId, String procedureCode, List<String> modifiers,
                          LocalDate serviceDate, BigDecimal charge, BigDecimal allowed, BigDecimal paid,
                          BigDecimal patientResponsibility, List<StoredAdjustment> adjustments) {
    }

    /** A stored answer with its lines, for the API. */
    public record StoredAdjudication(UUID id, UUID remittanceId, String traceNumber, String payerId,
                                     String claimStatusCode, String outcome, String payerClaimControlNumber,
                                     LocalDate paidDate, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                                     BigDecimal patientResponsibility, List<StoredAdjustment> claimAdjustments,
                                     Instant receivedAt, String fromStatus, String toStatus, String reason,
                                     List<NewLine> lines) {
    }

    /** One denial reason as the queue keeps it. */
    public record StoredReason(String groupCode, String reasonCode, String remarkCode, BigDecimal amount,
                               Integer lineNumber) {
    }

    public record Denial(UUID claimId, String practiceId, UUID payerId, UUID adjudicationId, String patientControlNumber,
                         String payerClaimControlNumber, ClaimStatus status, BigDecimal deniedAmount, LocalDate deniedOn,
                         String suggestedAction, List<StoredReason> reasons) {
    }
}
