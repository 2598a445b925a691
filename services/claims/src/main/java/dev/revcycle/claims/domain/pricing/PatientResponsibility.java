package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a patient is expected to pay for a visit, line by line, from the coverage's benefits:
 * <ol>
 *   <li>each line's basis is its allowed amount (the payer's contracted rate); without one, its full charge;</li>
 *   <li>the remaining deductible first: each line, in order, takes what is left of it, up to its basis;</li>
 *   <li>then, on what each line has left after the deductible: a copay when the plan has one (more than 0.00) —
 *       once for the visit, on the first line with something left, at most that — in place of coinsurance;
 *       otherwise the coinsurance percent of it (to the cent, half up);</li>
 *   <li>the total is capped at the remaining out-of-pocket maximum (lines in order, a line gets what the cap
 *       leaves).</li>
 * </ol>
 * A benefit the payer did not give is taken as nothing (no deductible left, no copay or coinsurance, no cap), and
 * an assumption says so. Plain arithmetic: nothing here knows where the amounts came from.
 */
public final class PatientResponsibility {
    private PatientResponsibility() {
    }

    /** A procedure of the visit: its charge and the payer's allowed amount (null: no contracted rate). */
    public record Service(String procedureCode, BigDecimal charge, BigDecimal allowed) {
    }

    /** A line of the estimate. */
    public record Line(String procedureCode, BigDecimal charge, BigDecimal allowed, BigDecimal patientResponsibility) {
    }

    /** The lines and the assumptions made, in the order they were made. */
    public record Estimated(List<Line> lines, List<String> assumptions) {
        public BigDecimal totalCharge() {
            return lines.stream().map(Line::charge).reduce(Amounts.ZERO, BigDecimal::add);
        }

        public BigDecimal totalAllowed() {
            return lines.stream().map(Line::allowed).reduce(Amounts.ZERO, BigDecimal::add);
        }

        public BigDecimal totalPatientResponsibility() {
            return lines.stream().map(Line::patientResponsibility).reduce(Amounts.ZERO, BigDecimal::add);
        }
    }

    /** An insured patient's share of the visit under {@code benefits} ({@link PlanBenefits#UNKNOWN} when none known). */
    public static Estimated insured(List<Service> services, PlanBenefits benefits) {
        List<String> assumptions = new ArrayList<>();
        PlanBenefits b = benefits == null ? PlanBenefits.UNKNOWN : benefits;
        if (b.isUnknown()) {
            assumptions.add("No benefits are known for this coverage (no eligibility check with benefits): the patient's "
                    + "share is taken as 0.00; check eligibility for a better estimate");
        }
        BigDecimal deductibleLeft = b.deductibleRemaining() == null ? Amounts.ZERO : Amounts.money(b.deductibleRemaining());
        if (b.deductibleRemaining() == null && !b.isUnknown()) {
            assumptions.add("The remaining deductible is not known: taken as 0.00");
        }
        boolean copayPlan = b.copay() != null && b.copay().signum() > 0;
        if (!copayPlan && b.coinsurancePercent() == null && !b.isUnknown()) {
            assumptions.add("Neither a copay nor a coinsurance is known: nothing is taken after the deductible");
        }
        BigDecimal cap = b.outOfPocketRemaining() == null ? null : Amounts.money(b.outOfPocketRemaining());
        if (cap == null && !b.isUnknown()) {
            assumptions.add("The remaining out-of-pocket maximum is not known: no cap applied");
        }

        List<Line> lines = new ArrayList<>();
        BigDecimal deductibleTaken = Amounts.ZERO;
        BigDecimal total = Amounts.ZERO;
        boolean copayTaken = false;
        boolean capped = false;
        for (Service s : services) {
            BigDecimal charge = Amounts.money(s.charge());
            BigDecimal allowed = s.allowed() == null ? charge : Amounts.money(s.allowed());
            if (s.allowed() == null) {
                assumptions.add("No contracted rate for " + s.procedureCode() + ": its full charge is taken as allowed");
            }
            BigDecimal deductible = deductibleLeft.min(allowed);
            deductibleLeft = deductibleLeft.subtract(deductible);
            deductibleTaken = deductibleTaken.add(deductible);
            BigDecimal rest = allowed.subtract(deductible);
            BigDecimal share;
            if (copayPlan) {
                share = !copayTaken && rest.signum() > 0 ? Amounts.money(b.copay()).min(rest) : Amounts.ZERO;
                copayTaken |= rest.signum() > 0;
            } else if (b.coinsurancePercent() != null) {
                share = Amounts.percentOf(rest, b.coinsurancePercent());
            } else {
                share = Amounts.ZERO;
            }
            BigDecimal line = deductible.add(share);
            if (cap != null && total.add(line).compareTo(cap) > 0) {
                line = cap.subtract(total).max(Amounts.ZERO);
                capped = true;
            }
            total = total.add(line);
            lines.add(new Line(s.procedureCode(), charge, allowed, line));
        }
        if (b.deductibleRemaining() != null) {
            assumptions.add("Deductible: " + deductibleTaken.toPlainString() + " of the remaining "
                    + Amounts.money(b.deductibleRemaining()).toPlainString() + " applied first");
        }
        if (copayPlan) {
            assumptions.add("Copay: " + Amounts.money(b.copay()).toPlainString()
                    + " once for the visit, after the deductible, in place of coinsurance");
        } else if (b.coinsurancePercent() != null) {
            assumptions.add("Coinsurance: " + b.coinsurancePercent().stripTrailingZeros().toPlainString()
                    + " % of what each line allows after the deductible");
        }
        if (capped) {
            assumptions.add("Capped at the remaining out-of-pocket maximum of " + cap.toPlainString());
        }
        return new Estimated(lines, assumptions);
    }

    /** A self-pay visit: each line at the practice's cash price, which the patient pays in full. */
    public static Estimated selfPay(List<Service> servicesAtCashPrice) {
        List<Line> lines = servicesAtCashPrice.stream().map(s -> new Line(s.procedureCode(), Amounts.money(s.charge()),
                Amounts.money(s.allowed()), Amounts.money(s.allowed()))).toList();
        return new Estimated(lines, new ArrayList<>(List.of(
                "Self-pay: the practice's cash price of each procedure (the allowed amount) is what the patient pays")));
    }
}
