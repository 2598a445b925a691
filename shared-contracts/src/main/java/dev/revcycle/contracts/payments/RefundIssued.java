package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A refund out of an account's credit balance. {@code payee} PATIENT or PAYER. Key: accountId. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundIssued(UUID refundId, UUID entryId, UUID accountId, UUID patientId, String practiceId,
                           BigDecimal amount, String responsibility, String payee, String reason,
                           LocalDate effectiveDate, Instant postedAt, long version) {
}
