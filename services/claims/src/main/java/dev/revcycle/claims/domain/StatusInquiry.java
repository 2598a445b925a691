package dev.revcycle.claims.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One answered claim status inquiry (276 → 277): what the payer said, in its codes and in words. Holds no PHI
 * (the X12 files, which do, are kept beside it, not in this record).
 *
 * @param statuses every claim-level status of the 277, the first being the claim's current one
 * @param source   {@code api} (POST /claims/{id}/status-inquiries) or {@code run} (POST /claim-status-runs)
 */
public record StatusInquiry(UUID id, UUID claimId, String practiceId, String traceNumber, String categoryCode,
                            String statusCode, String entityCode, String description, List<Status> statuses,
                            LocalDate statusDate, BigDecimal charge, BigDecimal paid, LocalDate paidDate,
                            LocalDate checkDate, String checkNumber, String payerClaimControlNumber, String source,
                            String askedBy, Instant askedAt, Instant answeredAt) {
    public StatusInquiry {
        statuses = List.copyOf(statuses);
    }

    public record Status(String category, String code, String entity, String description) {
    }
}
