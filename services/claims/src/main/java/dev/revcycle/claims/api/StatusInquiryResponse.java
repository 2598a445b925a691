package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.StatusInquiry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One answered claim status inquiry (X12 276 → 277). */
public record StatusInquiryResponse(UUID id, UUID claimId, String traceNumber, String categoryCode, String statusCode,
                                    String entityCode, String description, List<StatusInquiry.Status> statuses,
                                    LocalDate statusDate, BigDecimal charge, BigDecimal paid, LocalDate paidDate,
                                    LocalDate checkDate, String checkNumber, String payerClaimControlNumber,
                                    String source, String askedBy, Instant askedAt, Instant answeredAt) {
    static StatusInquiryResponse of(StatusInquiry i) {
        return new StatusInquiryResponse(i.id(), i.claimId(), i.traceNumber(), i.categoryCode(), i.statusCode(),
                i.entityCode(), i.description(), i.statuses(), i.statusDate(), i.charge(), i.paid(), i.paidDate(),
                i.checkDate(), i.checkNumber(), i.payerClaimControlNumber(), i.source(), i.askedBy(), i.askedAt(),
                i.answeredAt());
    }

    /** {@code GET /claims/{id}/status-inquiries}: newest first. */
    public record History(UUID claimId, List<StatusInquiryResponse> items) {
    }
}
