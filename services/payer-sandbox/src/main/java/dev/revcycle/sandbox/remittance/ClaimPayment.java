package dev.revcycle.sandbox.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One CLP loop (2100) of an 835: a claim as the payer adjudicated it. Holds PHI (the patient's name and member
 * id): never logged, and toString names nothing.
 *
 * @param claimId                 CLP01, the 837's CLM01 (patient control number)
 * @param statusCode              CLP02: 1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal
 * @param filingIndicator         CLP06
 * @param payerClaimControlNumber CLP07, the number the 277CA gave in REF*1K
 * @param interest                PLB L6 interest paid with this claim (zero for none); not part of CLP04
 */
public record ClaimPayment(String claimId, String statusCode, BigDecimal charge, BigDecimal paid,
        BigDecimal patientResponsibility, String filingIndicator, String payerClaimControlNumber,
        String facilityCode, String frequencyCode, String patientLastName, String patientFirstName,
        String memberId, LocalDate statementFrom, LocalDate statementTo, List<Adjustment> claimAdjustments,
        List<LinePayment> lines, BigDecimal interest) {

    public static final String REVERSAL = "22";
    public static final String DENIED = "4";

    public ClaimPayment {
        claimAdjustments = List.copyOf(claimAdjustments);
        lines = List.copyOf(lines);
    }

    /** Σ claim-level and line-level CAS amounts: equals {@code charge − paid} for a balanced claim. */
    public BigDecimal adjustmentTotal() {
        BigDecimal total = claimAdjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (LinePayment line : lines) {
            total = total.add(line.adjustmentTotal());
        }
        return total;
    }

    /**
     * The reversal of this payment (CLP02 22): every amount and CAS negated, the same CLP01 and CLP07; interest
     * paid with it is not taken back.
     */
    public ClaimPayment reversal() {
        return new ClaimPayment(claimId, REVERSAL, charge.negate(), paid.negate(), patientResponsibility.negate(),
                filingIndicator, payerClaimControlNumber, facilityCode, frequencyCode, patientLastName,
                patientFirstName, memberId, statementFrom, statementTo,
                claimAdjustments.stream().map(Adjustment::negated).toList(),
                lines.stream().map(LinePayment::negated).toList(), BigDecimal.ZERO.setScale(2));
    }

    @Override
    public String toString() {
        return "ClaimPayment[CLP02 " + statusCode + ", " + lines.size() + " line(s)]";
    }
}
