package dev.revcycle.contracts.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Patient-cost benefits from a 271; amounts in dollars with two places, coinsurance in percent (20.00 = 20 %). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benefits(BigDecimal copay, BigDecimal coinsurancePercent, BigDecimal deductible,
                       BigDecimal deductibleRemaining, BigDecimal outOfPocket, BigDecimal outOfPocketRemaining) {
}
