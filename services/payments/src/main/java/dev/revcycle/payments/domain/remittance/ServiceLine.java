package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One SVC loop (2110) of an 835 claim.
 *
 * @param position          the SVC segment's position in the interchange
 * @param number            1-based order of the line in its claim
 * @param qualifier         SVC01-1 (HC, NU …)
 * @param procedureCode     SVC01-2
 * @param modifiers         SVC01-3 … SVC01-6
 * @param charged           SVC02
 * @param paid              SVC03
 * @param units             SVC05 (1 when absent or malformed)
 * @param lineControlNumber REF*6R, the line item control number we sent in the 837 (REF*6R), "" when absent
 * @param serviceDate       DTM*472 (or DTM*150 the period's start), null when absent or malformed
 * @param allowed           AMT*B6, null when absent or malformed
 * @param adjustments       line-level CAS
 * @param remarkCodes       LQ*HE remark codes (RARC)
 */
public record ServiceLine(int position, int number, String qualifier, String procedureCode, List<String> modifiers,
                          BigDecimal charged, BigDecimal paid, BigDecimal units, String lineControlNumber,
                          LocalDate serviceDate, BigDecimal allowed, List<CasAdjustment> adjustments,
                          List<String> remarkCodes) {

    public ServiceLine {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
    }

    public BigDecimal adjustmentTotal() {
        return CasAdjustment.total(adjustments);
    }

    @Override
    public String toString() {
        return "ServiceLine[SVC at segment " + position + ", line " + number + "]";
    }
}
