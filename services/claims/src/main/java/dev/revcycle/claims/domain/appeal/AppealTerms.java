package dev.revcycle.claims.domain.appeal;

import dev.revcycle.claims.domain.ClaimStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which claims may be appealed, for how much, and until when. Plain rules, unit-tested without Quarkus.
 *
 * <ul>
 *   <li>DENIED and PARTIALLY_PAID: always; the dispute is the charge − what was paid.</li>
 *   <li>PAID: only as an underpayment appeal, naming the {@code expected} amount the payer should have paid
 *       (more than it paid, at most the charge); the dispute is expected − paid.</li>
 *   <li>Anything else (not adjudicated, or VOIDED): no.</li>
 * </ul>
 * The deadline is the adjudication date + the payer's appeal days (set per practice and payer, default
 * {@value #DEFAULT_DEADLINE_DAYS}); a deadline already past refuses the appeal.
 */
public final class AppealTerms {
    public static final int DEFAULT_DEADLINE_DAYS = 180;
    public static final Set<ClaimStatus> APPEALABLE = Set.of(ClaimStatus.DENIED, ClaimStatus.PARTIALLY_PAID,
            ClaimStatus.PAID);

    private AppealTerms() {
    }

    /** Why a claim cannot be appealed as asked, or null when it can. Names no value of the claim. */
    public static String refusal(ClaimStatus status, BigDecimal charge, BigDecimal paid, BigDecimal expected) {
        if (!APPEALABLE.contains(status)) {
            return "The claim is " + status + ": only DENIED, PARTIALLY_PAID and (as an underpayment, with "
                    + "expectedAmount) PAID claims can be appealed.";
        }
        if (status == ClaimStatus.PAID) {
            if (expected == null) {
                return "A PAID claim is appealed as an underpayment: expectedAmount (what the payer should have paid) "
                        + "is required.";
            }
            if (expected.compareTo(paid) <= 0) {
                return "expectedAmount is not more than what the payer paid: there is no underpayment to appeal.";
            }
            if (expected.compareTo(charge) > 0) {
                return "expectedAmount is more than the claim's charge.";
            }
        } else if (charge.compareTo(paid) <= 0) {
            return "The payer paid the whole charge: there is nothing to appeal.";
        }
        return null;
    }

    public static BigDecimal disputed(ClaimStatus status, BigDecimal charge, BigDecimal paid, BigDecimal expected) {
        BigDecimal asked = status == ClaimStatus.PAID ? expected : charge;
        return asked.subtract(paid).setScale(2, RoundingMode.HALF_UP);
    }

    public static LocalDate deadline(LocalDate adjudicatedOn, Integer payerDays) {
        return adjudicatedOn.plusDays(payerDays == null ? DEFAULT_DEADLINE_DAYS : payerDays);
    }
}
