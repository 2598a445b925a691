package dev.revcycle.claims.domain.adjudication;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an 835's answer about a claim makes of it (X12 835 CLP02 and the amounts):
 * <ul>
 *   <li>CLP02 22 (reversal of a previous payment): {@link Outcome#REOPENED} — back to ACCEPTED, waiting for
 *       the payer's next word;</li>
 *   <li>CLP02 4 (denied): {@link Outcome#DENIED};</li>
 *   <li>CLP02 1, 2, 3 (processed as primary, secondary, tertiary) and 19, 20, 21 (the same, forwarded to
 *       the next payer): DENIED when every line paid nothing with a denial code; PARTIALLY_PAID when some
 *       line was denied or paid nothing at all (neither the payer nor the patient owes it); PAID otherwise
 *       — whatever the contractual and patient shares: a line applied wholly to the deductible is paid by
 *       the payer's decision, the patient owes it;</li>
 *   <li>anything else (23 not our claim, 25 predetermination …): {@link Outcome#RECORDED}, kept in the
 *       history without a change of state.</li>
 * </ul>
 * A denial code is an adjustment of group CO, OA, PI or CR whose CARC is not one of the contractual
 * reductions of {@link #CONTRACTUAL_CARCS} (45 charge exceeds the fee schedule, 253 sequestration …), or
 * a PR adjustment that is not the plan's cost sharing of {@link #COST_SHARING_CARCS} (PR-96 non-covered,
 * PR-204 not covered by the benefit plan: denied, and the patient is liable).
 */
public final class Adjudication {
    /** Reductions a payer makes on a paid service; never a denial by themselves. */
    public static final Set<String> CONTRACTUAL_CARCS = Set.of("42", "45", "59", "94", "131", "144", "253");
    /** The patient's share by the plan's design: deductible, coinsurance, copay, blood deductible. */
    public static final Set<String> COST_SHARING_CARCS = Set.of("1", "2", "3", "66");
    private static final Set<String> PROCESSED = Set.of("1", "2", "3", "19", "20", "21");

    public enum Outcome {
        PAID(ClaimStatus.PAID),
        PARTIALLY_PAID(ClaimStatus.PARTIALLY_PAID),
        DENIED(ClaimStatus.DENIED),
        REOPENED(ClaimStatus.ACCEPTED),
        RECORDED(null);

        private final ClaimStatus status;

        Outcome(ClaimStatus status) {
            this.status = status;
        }

        /** The claim's status after this outcome; null when the status stays. */
        public ClaimStatus status() {
            return status;
        }
    }

    /**
     * @param outcome  what becomes of the claim
     * @param denials  the denial adjustments (claim and line level), largest first: what a denials queue shows
     * @param reason   one readable sentence for the claim's history
     */
    public record Decision(Outcome outcome, List<Adjustment> denials, String reason) {
        public Decision {
            denials = List.copyOf(denials);
        }
    }

    private Adjudication() {
    }

    public static Decision decide(RemittanceAdvice advice) {
        String code = advice.claimStatusCode();
        List<Adjustment> denials = denialsOf(advice);
        if ("22".equals(code)) {
            return new Decision(Outcome.REOPENED, List.of(), "The payer reversed its earlier payment (CLP02 22)");
        }
        if ("4".equals(code)) {
            return new Decision(Outcome.DENIED, denials, "Denied by the payer (CLP02 4)" + reasons(denials));
        }
        if (!PROCESSED.contains(code)) {
            return new Decision(Outcome.RECORDED, List.of(), "The payer's 835 said CLP02 " + code + " (no change of status)");
        }
        if (advice.lines().isEmpty()) {
            boolean nothing = isZero(advice.paid()) && isZero(advice.patientResponsibility());
            return nothing && !denials.isEmpty()
                    ? new Decision(Outcome.DENIED, denials, "Paid nothing" + reasons(denials))
                    : new Decision(Outcome.PAID, denials, "Processed and paid " + advice.paid().toPlainString());
        }
        int denied = 0;
        int unpaid = 0;
        for (Line line : advice.lines()) {
            if (!isZero(line.paid())) {
                continue;
            }
            if (line.adjustments().stream().anyMatch(Adjudication::isDenial)) {
                denied++;
            } else if (isZero(line.patientResponsibility()) && line.adjustments().stream().noneMatch(Adjustment::patientResponsibility)) {
                unpaid++;
            }
        }
        int lines = advice.lines().size();
        if (denied == lines) {
            return new Decision(Outcome.DENIED, denials, "Every line paid nothing" + reasons(denials));
        }
        if (denied + unpaid > 0) {
            return new Decision(Outcome.PARTIALLY_PAID, denials,
                    (denied + unpaid) + " of " + lines + " line(s) paid nothing" + reasons(denials));
        }
        return new Decision(Outcome.PAID, denials, "Processed and paid " + advice.paid().toPlainString());
    }

    /** A reason a payer gives for not paying: neither a contractual reduction nor the plan's cost sharing. */
    public static boolean isDenial(Adjustment adjustment) {
        Set<String> routine = adjustment.patientResponsibility() ? COST_SHARING_CARCS : CONTRACTUAL_CARCS;
        return adjustment.amount().signum() > 0 && !routine.contains(adjustment.reasonCode());
    }

    private static List<Adjustment> denialsOf(RemittanceAdvice advice) {
        List<Adjustment> all = new ArrayList<>();
        advice.claimAdjustments().stream().filter(Adjudication::isDenial).forEach(all::add);
        advice.lines().forEach(l -> l.adjustments().stream().filter(Adjudication::isDenial).forEach(all::add));
        all.sort((a, b) -> b.amount().compareTo(a.amount()));
        return all;
    }

    private static String reasons(List<Adjustment> denials) {
        if (denials.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(": ");
        denials.stream().map(a -> a.groupCode() + "-" + a.reasonCode()).distinct().forEach(c -> text.append(c).append(", "));
        return text.substring(0, text.length() - 2);
    }

    private static boolean isZero(BigDecimal amount) {
        return amount.signum() == 0;
    }
}
