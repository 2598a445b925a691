package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Collections asks payments to write off part of an account's patient balance (published by collections
 * on revcycle.collections.events.v1, key: accountId). {@code kind} SMALL_BALANCE, BAD_DEBT or CHARITY.
 * Payments posts it once per {@code requestId}; {@code version} is the request's (1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteOffRequested(UUID requestId, UUID accountId, String practiceId, BigDecimal amount, String kind,
                                String reason, Instant requestedAt, long version) {
}
