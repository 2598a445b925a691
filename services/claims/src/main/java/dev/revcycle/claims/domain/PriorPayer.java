package dev.revcycle.claims.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an earlier payer (the primary, for a tertiary claim also the secondary) did with the services of a
 * secondary or tertiary claim: its coverage (2320 SBR, 2330A other subscriber, 2330B other payer), its claim control
 * number, when it paid, what it paid (AMT*D), the patient's share left (AMT*EAF), its claim-level CAS and, per line
 * of the claim, what it paid (2430 SVD) and its CAS. Taken from that payer's adjudication (claim_adjudication).
 * PHI through the coverage; printed without it.
 */
public record PriorPayer(CoverageFacts coverage, String payerClaimControlNumber, LocalDate paidDate, BigDecimal paid,
                         BigDecimal patientResponsibility, List<Adjustment> claimAdjustments, List<Line> lines) {

    public PriorPayer {
        Objects.requireNonNull(coverage, "coverage");
        paid = money(paid);
        patientResponsibility = money(patientResponsibility);
        claimAdjustments = claimAdjustments == null ? List.of() : List.copyOf(claimAdjustments);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), CARC, amount. */
    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
        public Adjustment {
            Objects.requireNonNull(groupCode, "groupCode");
            Objects.requireNonNull(reasonCode, "reasonCode");
            amount = money(amount);
        }

        public boolean patientResponsibility() {
            return "PR".equals(groupCode);
        }
    }

    /** The earlier payer's answer for one line of the claim (by its LX number). */
    public record Line(int lineNumber, BigDecimal paid, List<Adjustment> adjustments) {
        public Line {
            paid = money(paid);
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    /** The line's answer, or null when the payer's 835 did not name that line. */
    public Line line(int lineNumber) {
        return lines.stream().filter(l -> l.lineNumber() == lineNumber).findFirst().orElse(null);
    }

    /**
     * What this payer left unpaid that a next payer may cover: the charge less its payment and its non-patient
     * adjustments (contractual CO, other OA, payer-initiated PI, correction CR), over the claim and its lines.
     * Zero or less means nothing is left for a secondary payer.
     */
    public BigDecimal leftAfter(BigDecimal charge) {
        BigDecimal nonPatient = claimAdjustments.stream().filter(a -> !a.patientResponsibility())
                .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Line line : lines) {
            nonPatient = nonPatient.add(line.adjustments().stream().filter(a -> !a.patientResponsibility())
                    .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return money(charge).subtract(paid).subtract(nonPatient);
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return "PriorPayer[coverage " + coverage.coverageId() + ", " + lines.size() + " line(s)]";
    }
}
