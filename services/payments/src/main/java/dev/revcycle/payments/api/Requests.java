package dev.revcycle.payments.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the payments API (strict JSON: unknown fields and wrong types are a 400). */
public final class Requests {
    private Requests() {
    }

    @Schema(name = "Allocation")
    public record AllocationBody(@Schema(required = true) UUID claimId,
                                 @Schema(required = true, example = "25.00") BigDecimal amount) {
    }

    @Schema(name = "PaymentRequest")
    public record PaymentRequest(@Schema(required = true, example = "demo-clinic") String practiceId,
                                 @Schema(description = "The account, or give patientId") UUID accountId,
                                 @Schema(description = "The patient (their account at practiceId)") UUID patientId,
                                 @Schema(required = true, example = "40.00") BigDecimal amount,
                                 @Schema(required = true, enumeration = {"CARD", "CASH", "CHECK", "ACH", "LOCKBOX", "AGENCY"}) String method,
                                 @Schema(required = true, description = "The partner's own reference, unique per partner") String reference,
                                 @Schema(required = true) Instant receivedAt,
                                 @Schema(description = "Optional: amounts to given claims of the account") List<AllocationBody> allocations) {
    }

    @Schema(name = "ReversalRequest")
    public record ReversalRequest(@Schema(required = true, example = "returned check") String reason) {
    }

    @Schema(name = "PartnerRequest")
    public record PartnerRequest(@Schema(required = true) String name, @Schema(required = true) List<String> practices,
                                 @Schema(required = true) Boolean signing) {
    }

    @Schema(name = "RefundRequest")
    public record RefundRequest(@Schema(required = true) UUID accountId, @Schema(required = true) BigDecimal amount,
                                @Schema(required = true) String reason,
                                @Schema(required = true, enumeration = {"PATIENT", "PAYER"}) String payee) {
    }

    @Schema(name = "AdjustmentRequest")
    public record AdjustmentRequest(@Schema(required = true) UUID accountId, UUID claimId,
                                    @Schema(required = true) BigDecimal amount,
                                    @Schema(required = true, enumeration = {"INSURANCE", "PATIENT"}) String responsibility,
                                    @Schema(required = true, example = "CO") String groupCode,
                                    @Schema(required = true, example = "45") String reasonCode, String remarkCode,
                                    LocalDate effectiveDate) {
    }

    @Schema(name = "PeriodCloseRequest")
    public record PeriodCloseRequest(@Schema(required = true) String practiceId,
                                     @Schema(required = true, example = "2026-11") String month) {
    }
}
