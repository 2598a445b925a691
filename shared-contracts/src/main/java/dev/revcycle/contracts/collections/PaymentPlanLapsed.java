package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan's installment was missed past the grace period: the plan is LAPSED and the account is in the work
 * queue. Key: accountId; {@code version} the account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPlanLapsed(UUID planId, UUID accountId, String practiceId, int missedInstallment,
                                LocalDate missedDueDate, BigDecimal amountInArrears, BigDecimal remaining,
                                LocalDate lapsedOn, long version) {
}
