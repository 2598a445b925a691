package dev.revcycle.sandbox.remittance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One PLB adjustment (PLB03/04 pair): reason (L6 interest, FB forward balance …), reference and amount. By the
 * 835's sign convention a positive amount reduces the payment (money the payer keeps) and a negative one
 * increases it, so that BPR02 = ΣCLP04 − ΣPLB amounts.
 */
public record ProviderAdjustment(String reason, String reference, BigDecimal amount) {

    public static final String INTEREST = "L6";
    public static final String FORWARD_BALANCE = "FB";

    public ProviderAdjustment {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
    }
}
