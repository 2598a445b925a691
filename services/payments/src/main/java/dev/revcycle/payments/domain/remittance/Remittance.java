package dev.revcycle.payments.domain.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 835 transaction (ST … SE) as read: the payment (BPR), its trace (TRN), the payer (N1*PR), every claim
 * (CLP loops) and the provider-level adjustments (PLB).
 *
 * @param payerName         N1*PR N102
 * @param payerId           TRN03, the payer's originating company identifier (with TRN02 the file's identity)
 * @param traceNumber       TRN02, the check or EFT trace number
 * @param paymentAmount     BPR02
 * @param paymentDate       BPR16, else DTM*405, else the interchange (GS04) date — see {@code warnings}
 * @param productionDate    DTM*405, null when absent or not a date
 * @param interchangeDate   GS04, null when not a date
 * @param warnings          malformed values balancing does not need (no element values, only positions)
 */
public record Remittance(String payerName, String payerId, String traceNumber, BigDecimal paymentAmount,
                         LocalDate paymentDate, LocalDate productionDate, LocalDate interchangeDate,
                         List<RemittanceClaim> claims, List<ProviderAdjustment> providerAdjustments,
                         List<String> warnings) {

    public Remittance {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
        warnings = List.copyOf(warnings);
    }

    /** ΣPLB amounts: positive reduces the payment (a recoupment), negative adds to it (interest). */
    public BigDecimal providerAdjustmentTotal() {
        return providerAdjustments.stream().map(ProviderAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    /** Never the payer's or patients' data. */
    @Override
    public String toString() {
        return "Remittance[" + claims.size() + " claim(s), " + providerAdjustments.size() + " PLB adjustment(s)]";
    }
}
