package dev.revcycle.payments.domain.remittance;

import dev.revcycle.payments.domain.PlannedEntry;
import java.util.UUID;

/** An entry already in the ledger, with its id: what a CLP02 = 22 reversal undoes. */
public record PostedEntry(UUID entryId, PlannedEntry entry) {
}
