package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An account was placed with the practice's collection agency for {@code amount} (its patient balance).
 * {@code writeOffRequestId} the BAD_DEBT WriteOffRequested sent with it. Key: accountId; {@code version} the
 * account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountPlacedWithAgency(UUID placementId, UUID batchId, UUID accountId, String practiceId,
                                      String agencyId, String agencyName, BigDecimal amount, LocalDate placedOn,
                                      UUID writeOffRequestId, long version) {
}
