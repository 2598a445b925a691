package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Any entry that is neither a charge, a payment, a payment's reversal nor a refund. {@code kind}:
 * CONTRACTUAL (CO), ADJUSTMENT (OA/PI/manual), TRANSFER (to {@code responsibility}, e.g. PR-2 to
 * PATIENT), WRITE_OFF, RECOVERY (of a bad-debt write-off), REVERSAL (of entry {@code reversalOf}).
 * {@code entryType} is the ledger's type. Key: accountId; {@code version} the account's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjustmentPosted(UUID entryId, UUID accountId, UUID patientId, String practiceId, String kind,
                               String entryType, BigDecimal amount, String responsibility, UUID claimId,
                               UUID claimLineId, String groupCode, String reasonCode, String remarkCode,
                               String source, String sourceReference, UUID reversalOf, LocalDate effectiveDate,
                               Instant postedAt, long version) {
}
