package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;

/**
 * The patient-cost benefits of a coverage from its latest eligibility check (the 271's EB segments), each null when
 * the payer did not say: the copay per visit, the coinsurance in percent (20.00 = 20 %), what is left of the
 * deductible and of the out-of-pocket maximum this plan year.
 */
public record PlanBenefits(BigDecimal copay, BigDecimal coinsurancePercent, BigDecimal deductibleRemaining,
                           BigDecimal outOfPocketRemaining) {
    public static final PlanBenefits UNKNOWN = new PlanBenefits(null, null, null, null);

    public boolean isUnknown() {
        return copay == null && coinsurancePercent == null && deductibleRemaining == null && outOfPocketRemaining == null;
    }
}
