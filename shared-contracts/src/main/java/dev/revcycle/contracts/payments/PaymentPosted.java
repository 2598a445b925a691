package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A PAYMENT entry: a partner payment's, a lockbox line's or a remittance's part for one claim (or the
 * account). {@code paymentId} groups the entries of one partner payment; {@code method} CARD, CASH,
 * CHECK, ACH, LOCKBOX, AGENCY or ERA; {@code partnerId} when a partner posted it; {@code source}
 * REMITTANCE, PARTNER_PAYMENT, LOCKBOX, MANUAL. Key: accountId; {@code version} the account's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPosted(UUID entryId, UUID paymentId, UUID accountId, UUID patientId, String practiceId,
                            BigDecimal amount, String responsibility, String method, UUID partnerId,
                            UUID claimId, UUID claimLineId, String source, String sourceReference,
                            LocalDate effectiveDate, Instant postedAt, long version) {
}
