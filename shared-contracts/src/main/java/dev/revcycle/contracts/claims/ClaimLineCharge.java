package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One service line of a claim as payments posts it: a CHARGE of {@code chargeAmount} per line.
 * {@code lineNumber} is the 837's LX (1 …), also what an 835's REF*6R refers to as {@code lineId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimLineCharge(UUID lineId, int lineNumber, String procedureCode, List<String> modifiers,
                              BigDecimal units, BigDecimal chargeAmount, LocalDate serviceDate, String revenueCode) {
}
