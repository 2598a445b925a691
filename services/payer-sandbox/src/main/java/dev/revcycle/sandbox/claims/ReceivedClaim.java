package dev.revcycle.sandbox.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One CLM of an 837 as the sandbox keeps it: what the 277CA and, later, the 835 need. Holds PHI (names,
 * member id): never logged, and toString names nothing.
 */
public record ReceivedClaim(String submitter, String claimId, BigDecimal charge, String firstDiagnosis,
        String payerName, String payerId, String billingProviderName, String billingProviderNpi,
        String billingProviderTaxId, String subscriberLastName, String subscriberFirstName, String memberId,
        String patientLastName, String patientFirstName, List<Line> lines, String payerClaimControlNumber) {

    public ReceivedClaim {
        lines = List.copyOf(lines);
    }

    /** One service line (LX + SV1/SV2 + DTP*472 + REF*6R). */
    public record Line(int number, String procedureCode, List<String> modifiers, BigDecimal charge,
            BigDecimal units, LocalDate serviceDateFrom, LocalDate serviceDateTo, String lineItemControlNumber) {
        public Line {
            modifiers = List.copyOf(modifiers);
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
