package dev.revcycle.claims.api;

import java.util.List;
import java.util.UUID;

/** {@code POST /submission-batches}: the READY claims to send, all of one practice. */
public record SubmissionBatchRequest(List<UUID> claimIds) {
}
