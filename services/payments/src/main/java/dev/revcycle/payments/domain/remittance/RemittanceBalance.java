package dev.revcycle.payments.domain.remittance;

import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 835's arithmetic, checked before anything is posted:
 * <ul>
 * <li>BPR02 = ΣCLP04 − ΣPLB amounts;</li>
 * <li>per claim: CLP03 − CLP04 = claim-level CAS + line-level CAS;</li>
 * <li>per line: SVC02 − SVC03 = the line's CAS.</li>
 * </ul>
 * Each imbalance names the claim (by CLP segment position and CLP02) or line (SVC position) and the amounts —
 * never CLP01 or another identifier of the patient.
 */
public final class RemittanceBalance {

    public static final Reason UNBALANCED = new Reason("remittance-unbalanced", "The remittance does not balance");

    private RemittanceBalance() {
    }

    /** Every imbalance, empty when the remittance balances. */
    public static List<String> imbalances(Remittance remittance) {
        List<String> found = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        for (RemittanceClaim claim : remittance.claims()) {
            paid = paid.add(claim.paid());
            BigDecimal difference = claim.charged().subtract(claim.paid());
            BigDecimal cas = claim.adjustmentTotal();
            if (difference.compareTo(cas) != 0) {
                found.add("claim at segment " + claim.position() + ": CLP03 " + claim.charged() + " − CLP04 "
                        + claim.paid() + " = " + difference + " but its CAS adjustments total " + cas);
            }
            for (ServiceLine line : claim.lines()) {
                BigDecimal lineDifference = line.charged().subtract(line.paid());
                BigDecimal lineCas = line.adjustmentTotal();
                if (lineDifference.compareTo(lineCas) != 0) {
                    found.add("line " + line.number() + " (SVC at segment " + line.position() + ") of the claim at segment "
                            + claim.position() + ": SVC02 " + line.charged() + " − SVC03 " + line.paid() + " = "
                            + lineDifference + " but its CAS adjustments total " + lineCas);
                }
            }
        }
        BigDecimal expected = paid.subtract(remittance.providerAdjustmentTotal());
        if (remittance.paymentAmount().compareTo(expected) != 0) {
            found.add(0, "BPR02 " + remittance.paymentAmount() + " ≠ ΣCLP04 " + paid + " − ΣPLB "
                    + remittance.providerAdjustmentTotal() + " = " + expected);
        }
        return found;
    }

    /** Refuses (422) a remittance that does not balance, naming every imbalance. */
    public static void check(Remittance remittance) {
        List<String> found = imbalances(remittance);
        if (!found.isEmpty()) {
            throw new Unprocessable(UNBALANCED, "Nothing was posted: " + String.join("; ", found),
                    Map.of("imbalances", found));
        }
    }
}
