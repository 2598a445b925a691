package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment plan was agreed. {@code frequency} MONTHLY or BIWEEKLY; {@code renegotiatedFrom} the lapsed plan it
 * replaces, when renegotiated. Key: accountId; {@code version} the account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPlanCreated(UUID planId, UUID accountId, String practiceId, BigDecimal totalAmount,
                                 BigDecimal installmentAmount, String frequency, LocalDate firstDueDate,
                                 int installments, UUID renegotiatedFrom, Instant createdAt, long version) {
}
