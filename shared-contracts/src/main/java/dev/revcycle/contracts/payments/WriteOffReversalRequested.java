package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Collections asks payments to reverse an earlier write-off (an agency recall). Key: accountId.
 * Posted once per {@code requestId}; {@code version} is the request's (1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteOffReversalRequested(UUID requestId, UUID writeOffRequestId, UUID accountId, String reason,
                                        long version) {
}
