package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A partner payment was reversed (returned check, chargeback): all its entries. Key: accountId. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentReversed(UUID paymentId, UUID accountId, UUID patientId, String practiceId, BigDecimal amount,
                              String responsibility, String reason, LocalDate effectiveDate, Instant postedAt,
                              long version) {
}
