package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One service line of a remitted claim (SVC): what was charged, allowed, paid, adjusted and left to the patient. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemittanceLine(UUID claimLineId, Integer lineNumber, String procedureCode, BigDecimal charge,
                             BigDecimal paid, BigDecimal allowed, List<RemittanceAdjustment> adjustments,
                             BigDecimal patientResponsibility) {
}
