package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** One CAS adjustment of a remittance: group (CO, PR, OA, PI, CR), CARC, optional RARC, amount. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemittanceAdjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
}
