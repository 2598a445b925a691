package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.util.List;

/**
 * One adjustment of a CAS segment (a CAS carries up to six reason/amount/quantity triples).
 *
 * @param group  CAS01: CO contractual obligation, PR patient responsibility, OA other, PI payer initiated, CR correction
 * @param carc   the claim adjustment reason code (45, 1, 2, 3, 96 …)
 * @param amount the amount; negative amounts undo an adjustment (reversals)
 */
public record CasAdjustment(String group, String carc, BigDecimal amount, BigDecimal quantity) {

    public static final String PATIENT_RESPONSIBILITY = "PR";

    public boolean patientResponsibility() {
        return PATIENT_RESPONSIBILITY.equals(group);
    }

    static BigDecimal total(List<CasAdjustment> adjustments) {
        return adjustments.stream().map(CasAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
