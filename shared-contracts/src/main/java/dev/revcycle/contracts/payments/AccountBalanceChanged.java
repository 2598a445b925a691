package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An account's balances after a change (also at opening, all zero). Key: accountId; {@code version}
 * is the account's (1 at opening, +1 per posting). {@code balance} = insurance + patient − credit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountBalanceChanged(UUID accountId, UUID patientId, String practiceId, BigDecimal balance,
                                    BigDecimal insuranceBalance, BigDecimal patientBalance, BigDecimal creditBalance,
                                    LocalDate oldestOpenServiceDate, long version) {
}
