package dev.revcycle.sandbox.remittance;

import dev.revcycle.sandbox.claims.ReceivedClaim;
import dev.revcycle.sandbox.rules.RemittanceRule;
import dev.revcycle.sandbox.rules.RemittanceRule.Outcome;
import dev.revcycle.sandbox.rules.RemittanceRule.PatientShare;
import dev.revcycle.sandbox.rules.SandboxRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adjudicates an accepted claim by {@link SandboxRules#REMITTANCE}: per line, what this payer pays on (the
 * charge; for a secondary or tertiary claim what the earlier payers left), the allowed share of it, the
 * patient's share, and CAS adjustments that explain every cent not paid. Every result balances:
 * per line charge − paid = Σ its CAS, per claim CLP03 − CLP04 = Σ CAS.
 */
public final class Adjudicator {

    /** CLP06 codes the 835 allows; any other 837 SBR09 (CI, BL, 11 …) is reported as 12 (PPO, the sandbox plan). */
    private static final Set<String> FILING_INDICATORS = Set.of("12", "13", "14", "15", "16", "17", "AM", "CH",
            "DS", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Adjudicator() {
    }

    /** The rule that decides for this claim; a duplicate is denied CO-18 whatever its code. */
    public static RemittanceRule ruleFor(ReceivedClaim claim, boolean duplicate) {
        if (duplicate) {
            return new RemittanceRule("submitter and CLM01 already adjudicated", code -> true, Outcome.DENIED,
                    PatientShare.NONE, SandboxRules.DUPLICATE_CLAIM_REASON, "denied CO-18 (exact duplicate)");
        }
        return SandboxRules.remittanceRuleFor(claim.firstProcedureCode());
    }

    /**
     * @param duplicate the payer already adjudicated a claim with this submitter and CLM01
     */
    public static ClaimPayment adjudicate(ReceivedClaim claim, boolean duplicate) {
        RemittanceRule rule = ruleFor(claim, duplicate);
        boolean secondary = !claim.payerResponsibility().equals("P");
        List<BigDecimal> bases = payableBases(claim, secondary);
        List<LinePayment> lines = new ArrayList<>();
        BigDecimal charge = ZERO;
        BigDecimal paid = ZERO;
        BigDecimal patient = ZERO;
        for (int i = 0; i < claim.lines().size(); i++) {
            ReceivedClaim.Line line = claim.lines().get(i);
            BigDecimal base = bases.get(i);
            List<Adjustment> adjustments = new ArrayList<>();
            if (line.charge().compareTo(base) != 0) {
                adjustments.add(new Adjustment("OA", "23", line.charge().subtract(base))); // prior payers' share
            }
            boolean denied = rule.outcome() == Outcome.DENIED || (rule.outcome() == Outcome.PARTLY_PAID && i > 0);
            BigDecimal allowed;
            BigDecimal linePaid;
            if (denied) {
                allowed = ZERO;
                linePaid = ZERO;
                if (base.signum() != 0) {
                    adjustments.add(new Adjustment("CO", rule.denialReason(), base));
                }
            } else {
                BigDecimal contract = rule.outcome() == Outcome.PAID_BELOW_CONTRACT && !secondary
                        ? SandboxRules.CONTRACT_RATES.get(line.procedureCode() == null ? ""
                                : line.procedureCode().strip().toUpperCase(java.util.Locale.ROOT)) : null;
                allowed = contract != null
                        ? contract.multiply(SandboxRules.UNDERPAID_SHARE).setScale(2, RoundingMode.HALF_UP).min(base)
                        : base.multiply(SandboxRules.ALLOWED_SHARE).setScale(2, RoundingMode.HALF_UP);
                if (base.compareTo(allowed) != 0) {
                    adjustments.add(new Adjustment("CO", "45", base.subtract(allowed)));
                }
                List<Adjustment> share = secondary ? List.of() : patientShare(rule.patientShare(), i, allowed);
                adjustments.addAll(share);
                linePaid = allowed.subtract(share.stream().map(Adjustment::amount).reduce(ZERO, BigDecimal::add));
            }
            LinePayment payment = new LinePayment(line.number(), line.procedureCode(), line.modifiers(),
                    line.revenueCode(), line.charge(), linePaid, allowed, line.units(), line.serviceDateFrom(),
                    line.serviceDateTo(), line.lineItemControlNumber() == null || line.lineItemControlNumber().isBlank()
                            ? String.valueOf(line.number()) : line.lineItemControlNumber(), adjustments);
            lines.add(payment);
            charge = charge.add(line.charge());
            paid = paid.add(linePaid);
            patient = patient.add(payment.patientResponsibility());
        }
        List<Adjustment> claimAdjustments = new ArrayList<>();
        if (lines.isEmpty()) {
            // Cannot happen for an accepted 837 (a CLM needs an LX), but must still balance.
            charge = claim.charge();
            claimAdjustments.add(new Adjustment("CO", "16", charge)); // lacks information
        }
        String status = rule.outcome() == Outcome.DENIED ? ClaimPayment.DENIED
                : switch (claim.payerResponsibility()) {
                    case "S" -> "2";
                    case "T" -> "3";
                    default -> "1";
                };
        return new ClaimPayment(claim.claimId(), status, charge, paid, patient, filingIndicator(claim),
                claim.payerClaimControlNumber(), claim.facilityCode(), claim.frequencyCode(),
                claim.patientLastName(), claim.patientFirstName(), claim.memberId(), claim.firstServiceDate(),
                claim.lastServiceDate(), claimAdjustments, lines,
                rule.outcome() == Outcome.PAID_WITH_INTEREST ? SandboxRules.INTEREST : ZERO);
    }

    private static List<Adjustment> patientShare(PatientShare share, int lineIndex, BigDecimal allowed) {
        return switch (share) {
            case NONE -> List.of();
            case COPAY_ON_LINE_1 -> lineIndex == 0 && allowed.signum() > 0
                    ? List.of(new Adjustment("PR", "3", SandboxRules.COPAY.min(allowed))) : List.of();
            case DEDUCTIBLE_ON_LINE_1 -> lineIndex == 0 && allowed.signum() > 0
                    ? List.of(new Adjustment("PR", "1", SandboxRules.DEDUCTIBLE.min(allowed))) : List.of();
            case COINSURANCE -> {
                BigDecimal coinsurance = allowed.multiply(SandboxRules.COINSURANCE).setScale(2, RoundingMode.HALF_UP);
                yield coinsurance.signum() > 0 ? List.of(new Adjustment("PR", "2", coinsurance)) : List.of();
            }
        };
    }

    /**
     * What this payer pays on, per line: the charge for a primary claim; for a secondary or tertiary one what
     * the earlier payers left — charge − their payment (2430 SVD02) − their non-PR adjustments (2430 CAS), or,
     * when the lines carry no SVD, the claim's 2320 AMT*D and non-PR CAS taken from the lines in order.
     */
    static List<BigDecimal> payableBases(ReceivedClaim claim, boolean secondary) {
        List<BigDecimal> bases = new ArrayList<>();
        boolean lineLevel = claim.lines().stream().anyMatch(l -> l.priorPayerPaid() != null);
        BigDecimal pool = claim.priorPayerPaid().add(claim.priorPayerAdjusted());
        for (ReceivedClaim.Line line : claim.lines()) {
            BigDecimal charge = line.charge();
            if (!secondary) {
                bases.add(charge);
                continue;
            }
            BigDecimal taken;
            if (lineLevel) {
                taken = (line.priorPayerPaid() == null ? ZERO : line.priorPayerPaid()).add(line.priorPayerAdjusted());
            } else {
                taken = pool.max(ZERO).min(charge.max(ZERO));
                pool = pool.subtract(taken);
            }
            bases.add(charge.subtract(taken).max(ZERO).min(charge.max(ZERO)));
        }
        return bases;
    }

    static String filingIndicator(ReceivedClaim claim) {
        return FILING_INDICATORS.contains(claim.filingIndicator()) ? claim.filingIndicator() : "12";
    }
}
