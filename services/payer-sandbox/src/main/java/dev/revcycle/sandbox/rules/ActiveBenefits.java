package dev.revcycle.sandbox.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The benefits every active member gets. Amounts are in dollars with two places; the coinsurance is the
 * fraction X12 carries in EB08 (0.20 = 20 %).
 */
public record ActiveBenefits(String planName, BigDecimal officeVisitCopay, BigDecimal coinsurance,
        BigDecimal deductible, BigDecimal deductibleRemaining, BigDecimal outOfPocket,
        BigDecimal outOfPocketRemaining) {

    public ActiveBenefits {
        officeVisitCopay = money(officeVisitCopay);
        coinsurance = coinsurance.setScale(2, RoundingMode.UNNECESSARY);
        deductible = money(deductible);
        deductibleRemaining = money(deductibleRemaining);
        outOfPocket = money(outOfPocket);
        outOfPocketRemaining = money(outOfPocketRemaining);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
