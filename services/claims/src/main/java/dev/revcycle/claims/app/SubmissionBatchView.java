package dev.revcycle.claims.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submission batch as stored. {@code status} SENDING, SENT or FAILED. No PHI. */
public record SubmissionBatchView(UUID id, String practiceId, String status, long interchangeNumber, int claimCount,
                                  BigDecimal totalCharge, String failure, List<String> fileIds, String createdBy,
                                  Instant createdAt, Instant sentAt, List<UUID> claimIds) {
    public SubmissionBatchView {
        fileIds = List.copyOf(fileIds);
        claimIds = List.copyOf(claimIds);
    }
}
