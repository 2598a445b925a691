package dev.revcycle.sandbox.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One CLM of an 837 as the sandbox keeps it: what the 277CA and the 835 need. Holds PHI (names, member id):
 * never logged, and toString names nothing.
 *
 * @param payerResponsibility     SBR01 of the claim's subscriber loop (2000B): P, S, T … ({@code P} when absent)
 * @param filingIndicator         SBR09 (CI, MB, MC, 12 …), empty when absent
 * @param facilityCode            CLM05-1 (place of service or facility type), empty when absent
 * @param frequencyCode           CLM05-3 (1 original, 7 replacement, 8 void), empty when absent
 * @param priorPayerPaid          2320 AMT*D: what other payers paid on the claim (zero when absent)
 * @param priorPayerAdjusted      2320 CAS amounts other than group PR: what other payers adjusted off
 */
public record ReceivedClaim(String submitter, String claimId, BigDecimal charge, String firstDiagnosis,
        String payerName, String payerId, String billingProviderName, String billingProviderNpi,
        String billingProviderTaxId, String subscriberLastName, String subscriberFirstName, String memberId,
        String patientLastName, String patientFirstName, List<Line> lines, String payerClaimControlNumber,
        String payerResponsibility, String filingIndicator, String facilityCode, String frequencyCode,
        BigDecimal priorPayerPaid, BigDecimal priorPayerAdjusted) {

    public ReceivedClaim {
        lines = List.copyOf(lines);
        payerResponsibility = payerResponsibility == null || payerResponsibility.isBlank() ? "P" : payerResponsibility;
        filingIndicator = filingIndicator == null ? "" : filingIndicator;
        facilityCode = facilityCode == null ? "" : facilityCode;
        frequencyCode = frequencyCode == null ? "" : frequencyCode;
        priorPayerPaid = priorPayerPaid == null ? BigDecimal.ZERO.setScale(2) : priorPayerPaid;
        priorPayerAdjusted = priorPayerAdjusted == null ? BigDecimal.ZERO.setScale(2) : priorPayerAdjusted;
    }

    /**
     * One service line (LX + SV1/SV2 + DTP*472 + REF*6R, and the 2430 SVD/CAS of another payer's adjudication).
     *
     * @param revenueCode        SV201 of an 837I line, empty for an 837P line
     * @param priorPayerPaid     2430 SVD02, null when the line carries no other payer's adjudication
     * @param priorPayerAdjusted 2430 CAS amounts other than group PR
     */
    public record Line(int number, String procedureCode, List<String> modifiers, BigDecimal charge,
            BigDecimal units, LocalDate serviceDateFrom, LocalDate serviceDateTo, String lineItemControlNumber,
            String revenueCode, BigDecimal priorPayerPaid, BigDecimal priorPayerAdjusted) {
        public Line {
            modifiers = List.copyOf(modifiers);
            revenueCode = revenueCode == null ? "" : revenueCode;
            priorPayerAdjusted = priorPayerAdjusted == null ? BigDecimal.ZERO.setScale(2) : priorPayerAdjusted;
        }
    }

    public LocalDate firstServiceDate() {
        return lines.stream().map(Line::serviceDateFrom).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    public LocalDate lastServiceDate() {
        return lines.stream().map(l -> l.serviceDateTo() != null ? l.serviceDateTo() : l.serviceDateFrom())
                .filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
    }

    public String firstProcedureCode() {
        return lines.isEmpty() ? "" : lines.get(0).procedureCode();
    }

    @Override
    public String toString() {
        return "ReceivedClaim[" + lines.size() + " line(s)]";
    }
}
