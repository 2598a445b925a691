package dev.revcycle.payments.domain.remittance;

import dev.revcycle.payments.domain.PlannedEntry;
import java.util.UUID;

/**
 * An entry an earlier remittance posted for a claim (source REMITTANCE, not reversed yet), with its ledger id:
 * what a CLP02 = 22 reversal undoes through {@code Posting.reverse}.
 */
public record EarlierEntry(UUID entryId, PlannedEntry entry) {
}
