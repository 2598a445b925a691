package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One service line as the payer adjudicated it: charged, allowed, paid, the patient's share, its adjustments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjudicatedLine(int lineNumber, UUID claimLineId, String procedureCode, BigDecimal charge,
                              BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility,
                              List<AdjudicationAdjustment> adjustments) {
}
