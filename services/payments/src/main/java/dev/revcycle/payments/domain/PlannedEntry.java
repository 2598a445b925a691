package dev.revcycle.payments.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An entry to post, before it is posted: what a remittance, a partner payment, a claim event or a
 * write-off request turns into. {@code amount} is positive (scale 2); {@code type} and
 * {@code responsibility} say which balance it moves. A TRANSFER moves {@code amount} from
 * {@code responsibility}'s opposite to {@code responsibility} (e.g. PR-2 coinsurance: from INSURANCE
 * to PATIENT). {@code claimId}/{@code claimLineId} are absent for account-level entries (an
 * unallocated payment); {@code reason} for entries without a reason code.
 */
public record PlannedEntry(EntryType type, BigDecimal amount, Responsibility responsibility, UUID claimId,
                           UUID claimLineId, ReasonCode reason, EntrySource source, String sourceReference,
                           LocalDate effectiveDate) {
}
