package dev.revcycle.contracts.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One denial adjustment: group, CARC, optional RARC, amount, the line it is on (absent: the claim level),
 * the readable text of its rule and the suggested next action.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenialReason(String groupCode, String reasonCode, String remarkCode, BigDecimal amount,
                           Integer lineNumber, String rule, String action, String text) {
}
