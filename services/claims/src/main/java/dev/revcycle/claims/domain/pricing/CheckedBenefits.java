package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;

/** The benefits an eligibility check (EligibilityVerified) gave, as claims keeps them; each null when not given. */
public record CheckedBenefits(BigDecimal copay, BigDecimal coinsurancePercent, BigDecimal deductible,
                              BigDecimal deductibleRemaining, BigDecimal outOfPocket, BigDecimal outOfPocketRemaining) {
}
