package dev.revcycle.claims.api;

import dev.revcycle.claims.app.SubmissionBatchView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submission batch: SENT (the clearinghouse took the file; its claims are SUBMITTED), FAILED (it did not,
 * {@code failure} says why; its claims stay READY and go in a new batch) or SENDING (in flight).
 */
public record SubmissionBatchResponse(UUID id, String practiceId, String status, long interchangeControlNumber,
                                      int claimCount, BigDecimal totalCharge, List<UUID> claimIds, String failure,
                                      List<String> clearinghouseFileIds, String createdBy, Instant createdAt,
                                      Instant sentAt, String x12Url) {
    static SubmissionBatchResponse of(SubmissionBatchView b) {
        return new SubmissionBatchResponse(b.id(), b.practiceId(), b.status(), b.interchangeNumber(), b.claimCount(),
                b.totalCharge(), b.claimIds(), b.failure(), b.fileIds(), b.createdBy(), b.createdAt(), b.sentAt(),
                "/submission-batches/" + b.id() + "/x12");
    }
}
