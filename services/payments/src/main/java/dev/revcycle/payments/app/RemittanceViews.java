package dev.revcycle.payments.app;

import dev.revcycle.payments.domain.remittance.CasAdjustment;
import dev.revcycle.payments.domain.remittance.ClaimPosting;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the remittance endpoints answer (also what is stored, so a replay answers the same). */
public final class RemittanceViews {
    private RemittanceViews() {
    }

    /**
     * The answer to a posted 835.
     *
     * @param payer                     N1*PR N102, the payer's name
     * @param payerId                   TRN03
     * @param claimsPosted              CLPs matched and applied (POSTED, DENIED or REVERSED)
     * @param claimsUnmatched           CLPs matching no claim of the practice (to unapplied cash)
     * @param claimsNotPosted           CLPs matched but not posted automatically (see their warnings; to unapplied
     *                                  cash when they carry money)
     * @param adjustmentsTotal          CO/OA/PI/CR amounts posted as adjustments (negative for reversals)
     * @param patientResponsibilityTotal PR amounts of the applied claims, as the 835 states them
     * @param patientResponsibilityTransferred what of it moved to the patient (the rest stays with insurance for a
     *                                  next payer)
     * @param unappliedTotal            CLP04 of the claims that went to unapplied cash
     * @param providerAdjustmentsTotal  ΣPLB (positive withheld from the practice, negative paid to it)
     */
    public record RemittanceSummary(UUID id, String practiceId, String payer, String payerId, String traceNumber,
                                    BigDecimal paymentAmount, LocalDate paymentDate, int claims, int claimsPosted,
                                    int claimsUnmatched, int claimsNotPosted, int denials, int reversals,
                                    BigDecimal paidTotal, BigDecimal adjustmentsTotal,
                                    BigDecimal patientResponsibilityTotal, BigDecimal patientResponsibilityTransferred,
                                    BigDecimal unappliedTotal, BigDecimal providerAdjustmentsTotal,
                                    List<ProviderAdjustmentView> providerAdjustments, List<String> warnings,
                                    String source, Instant receivedAt) {
    }

    /** A PLB adjustment as the practice's provider-level books hold it. */
    public record ProviderAdjustmentView(String providerId, LocalDate fiscalPeriod, String reasonCode, String reference,
                                         BigDecimal amount, LocalDate effectiveDate) {
    }

    /**
     * One CLP's result.
     *
     * @param outcome POSTED, DENIED, REVERSED, NOT_POSTED (matched, not posted automatically), UNMATCHED (to
     *                unapplied cash), APPLIED (was unapplied, then applied by a poster)
     */
    public record ClaimResult(int position, String patientControlNumber, String payerClaimControlNumber, String statusCode,
                              String outcome, UUID claimId, UUID accountId, BigDecimal charged, BigDecimal paid,
                              BigDecimal adjustments, BigDecimal patientResponsibility, boolean patientResponsibilityKept,
                              List<CasAdjustment> claimAdjustments, List<ClaimPosting.LineResult> lines,
                              UUID unappliedId, List<UUID> entryIds, List<String> warnings) {
        /** CLP01 identifies a patient's claim: not for logs. */
        @Override
        public String toString() {
            return "ClaimResult[CLP at segment " + position + ", " + outcome + "]";
        }
    }

    /** {@code GET /remittances/{id}}: the answer and a page of the per-claim results. */
    public record RemittanceDetail(RemittanceSummary remittance, List<ClaimResult> claims, int page, int size,
                                   long total) {
    }

    /** An unapplied-cash item (no patient name: the claim's identifiers only). */
    public record UnappliedView(UUID id, String practiceId, UUID remittanceId, String payer, String payerId,
                                String traceNumber, BigDecimal amount, String patientControlNumber,
                                String payerClaimControlNumber, String claimStatusCode, String reason,
                                LocalDate paidDate, Instant createdAt, String status, Instant appliedAt,
                                UUID appliedAccountId, UUID appliedClaimId) {
        @Override
        public String toString() {
            return "UnappliedView[" + id + ", " + status + "]";
        }
    }

    public record UnappliedPage(List<UnappliedView> items, int page, int size, boolean more) {
    }

    /** {@code POST /unapplied/{id}/apply}: the item as applied and the claim's result. */
    public record Applied(UnappliedView item, ClaimResult claim) {
    }
}
