package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A placed account was recalled from the agency; {@code writeOffReversalRequestId} the WriteOffReversalRequested
 * of its bad-debt write-off. Key: accountId; {@code version} the account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountRecalled(UUID placementId, UUID accountId, String practiceId, String agencyId, String reason,
                              LocalDate recalledOn, UUID writeOffReversalRequestId, long version) {
}
