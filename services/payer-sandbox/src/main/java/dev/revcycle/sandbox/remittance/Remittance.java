package dev.revcycle.sandbox.remittance;

import dev.revcycle.sandbox.claims.Acknowledgement.ReturnAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 835 to write: from one payer to one payee (billing provider), into one submitter's mailbox.
 *
 * @param controlNumber ISA13 / GS06 of the interchange
 * @param traceNumber   TRN02, unique per file
 * @param paymentDate   BPR16 and DTM*405
 */
public record Remittance(String submitter, ReturnAddress address, String payerName, String payerId,
        String payeeName, String payeeNpi, String payeeTaxId, String traceNumber, long controlNumber,
        LocalDate paymentDate, List<ClaimPayment> claims, List<ProviderAdjustment> providerAdjustments) {

    public Remittance {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    public BigDecimal claimsPaid() {
        return claims.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal providerAdjustmentTotal() {
        return providerAdjustments.stream().map(ProviderAdjustment::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** BPR02: ΣCLP04 − ΣPLB amounts. */
    public BigDecimal paymentAmount() {
        return claimsPaid().subtract(providerAdjustmentTotal());
    }

    @Override
    public String toString() {
        return "Remittance[" + traceNumber + ", " + claims.size() + " claim(s)]";
    }
}
