package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** One CAS adjustment of an adjudication: group (CO, PR, OA, PI, CR), CARC, optional RARC, amount. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjudicationAdjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
}
