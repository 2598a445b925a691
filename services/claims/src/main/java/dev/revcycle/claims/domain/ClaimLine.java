package dev.revcycle.claims.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One service line (loop 2400, LX {@code lineNumber} 1 …). {@code diagnosisPointers} are 1-based
 * positions in the claim's diagnoses (1–4 of them); {@code revenueCode} is institutional (SV201),
 * {@code ndc} the drug's National Drug Code (LIN*N4) when a drug was given. Procedure codes and
 * modifiers are kept as keyed: their format is the scrubber's to judge.
 */
public record ClaimLine(UUID lineId, int lineNumber, String procedureCode, List<String> modifiers, BigDecimal units,
                        BigDecimal chargeAmount, LocalDate serviceDate, List<Integer> diagnosisPointers,
                        String revenueCode, String ndc) {
    public ClaimLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
    }
}
