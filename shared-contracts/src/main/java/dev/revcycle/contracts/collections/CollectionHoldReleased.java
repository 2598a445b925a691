package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A hold ended. {@code reason} RELEASED (by a collector, with a note kept in collections), DISCHARGED (a
 * bankruptcy discharge: a WriteOffRequested BAD_DEBT follows, {@code writeOffRequestId}),
 * ADDRESS_CORRECTED (returned mail: a new address) or MERGED. Key: accountId; {@code version} the
 * account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionHoldReleased(UUID holdId, UUID accountId, UUID patientId, String practiceId, String type,
                                     String reason, UUID writeOffRequestId, Instant releasedAt, long version) {
}
