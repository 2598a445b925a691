package dev.revcycle.eligibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * What the patient pays under the plan, as the payer stated it: dollars with two places, the
 * coinsurance in percent (20.00 = 20 %). A field is null when the payer did not state it.
 */
@Embeddable
public record Benefits(
        @Column(name = "copay") BigDecimal copay,
        @Column(name = "coinsurance_percent") BigDecimal coinsurancePercent,
        @Column(name = "deductible") BigDecimal deductible,
        @Column(name = "deductible_remaining") BigDecimal deductibleRemaining,
        @Column(name = "out_of_pocket") BigDecimal outOfPocket,
        @Column(name = "out_of_pocket_remaining") BigDecimal outOfPocketRemaining) {

    public boolean isEmpty() {
        return copay == null && coinsurancePercent == null && deductible == null && deductibleRemaining == null
                && outOfPocket == null && outOfPocketRemaining == null;
    }
}
