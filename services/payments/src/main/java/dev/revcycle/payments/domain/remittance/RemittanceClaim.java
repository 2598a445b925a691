package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One CLP loop (2100) of an 835.
 *
 * @param position               the CLP segment's position in the interchange (names the claim in refusals)
 * @param patientControlNumber   CLP01, the claim's patient control number as we sent it in CLM01
 * @param statusCode             CLP02: 1, 2, 3 processed as primary/secondary/tertiary, 4 denied,
 *                               19–21 processed and forwarded, 22 reversal of an earlier payment, 23, 25 …
 * @param charged                CLP03
 * @param paid                   CLP04
 * @param patientResponsibility  CLP05, null when absent
 * @param filingIndicator        CLP06
 * @param payerClaimControlNumber CLP07
 * @param serviceDate            DTM*232 (statement from) of the claim, null when absent
 * @param adjustments            claim-level CAS
 * @param remarkCodes            MOA/MIA remark codes (RARC) of the claim
 * @param lines                  the SVC loops (2110)
 */
public record RemittanceClaim(int position, String patientControlNumber, String statusCode, BigDecimal charged,
                              BigDecimal paid, BigDecimal patientResponsibility, String filingIndicator,
                              String payerClaimControlNumber, LocalDate serviceDate,
                              List<CasAdjustment> adjustments, List<String> remarkCodes, List<ServiceLine> lines) {

    public static final String DENIED = "4";
    public static final String REVERSAL = "22";

    public RemittanceClaim {
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
        lines = List.copyOf(lines);
    }

    public boolean denied() {
        return DENIED.equals(statusCode);
    }

    public boolean reversal() {
        return REVERSAL.equals(statusCode);
    }

    /** Claim-level and line-level CAS amounts together. */
    public BigDecimal adjustmentTotal() {
        BigDecimal total = CasAdjustment.total(adjustments);
        for (ServiceLine line : lines) {
            total = total.add(line.adjustmentTotal());
        }
        return total;
    }

    /** CLP01 is PHI-adjacent (an account number); only the position is shown. */
    @Override
    public String toString() {
        return "RemittanceClaim[CLP at segment " + position + ", status " + statusCode + ", " + lines.size() + " line(s)]";
    }
}
