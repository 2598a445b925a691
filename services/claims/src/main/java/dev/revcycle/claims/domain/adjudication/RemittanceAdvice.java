package dev.revcycle.claims.domain.adjudication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a payer's 835 said about one claim, as payments posted it (its {@code RemittancePosted}):
 * CLP02, the charge, what was paid, the patient's share, the claim-level adjustments and each line.
 * Plain values; the consumer maps the event into it.
 */
public record RemittanceAdvice(String claimStatusCode, BigDecimal charge, BigDecimal paid,
                               BigDecimal patientResponsibility, List<Adjustment> claimAdjustments,
                               List<Line> lines, String payerClaimControlNumber, LocalDate paidDate) {

    public RemittanceAdvice {
        Objects.requireNonNull(claimStatusCode, "claimStatusCode");
        paid = zeroIfNull(paid);
        patientResponsibility = zeroIfNull(patientResponsibility);
        claimAdjustments = claimAdjustments == null ? List.of() : List.copyOf(claimAdjustments);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), CARC, optional RARC, amount. */
    public record Adjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
        public Adjustment {
            Objects.requireNonNull(groupCode, "groupCode");
            Objects.requireNonNull(reasonCode, "reasonCode");
            amount = zeroIfNull(amount);
        }

        public boolean patientResponsibility() {
            return "PR".equals(groupCode);
        }
    }

    /** One service line (SVC): its number on the claim when the 835 named it, what was charged, paid, allowed. */
    public record Line(Integer lineNumber, String procedureCode, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                       List<Adjustment> adjustments, BigDecimal patientResponsibility) {
        public Line {
            paid = zeroIfNull(paid);
            patientResponsibility = zeroIfNull(patientResponsibility);
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    @Override
    public String toString() {
        return "RemittanceAdvice[CLP02 " + claimStatusCode + ", " + lines.size() + " line(s)]";
    }
}
