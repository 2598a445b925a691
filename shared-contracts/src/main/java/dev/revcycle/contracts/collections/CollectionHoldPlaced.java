package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold stops collection on an account: no statement, no placement (bankruptcy: no plan follow-up either).
 * {@code type} BANKRUPTCY, PROBATE, ATTORNEY, DISPUTE or RETURNED_MAIL; {@code automatic} when an event
 * opened it (a death, returned mail); {@code until} when it ends by itself. No note, reference or
 * type-specific detail travels (they stay in collections). Key: accountId; {@code version} the account's
 * collections version (one more with every collections event of the account).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionHoldPlaced(UUID holdId, UUID accountId, UUID patientId, String practiceId, String type,
                                   LocalDate until, boolean automatic, Instant placedAt, long version) {
}
