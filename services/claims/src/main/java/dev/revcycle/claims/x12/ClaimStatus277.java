package dev.revcycle.claims.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a payer's 277 (005010X212) said about one claim: the claim-level STC segments (the first is the
 * claim's current status), the dates and amounts of the first one, and the payer's claim control number.
 *
 * @param statusDate  STC02, the date the status applies from
 * @param charge      STC04, the claim's total charge as the payer has it
 * @param paid        STC05, what the payer paid (finalized claims)
 * @param paidDate    STC06, the adjudication or payment date
 * @param checkDate   STC08, the check or EFT issue date
 * @param checkNumber STC09, the check or EFT trace number
 */
public record ClaimStatus277(String traceNumber, String payerClaimControlNumber, List<Ack277CA.Status> statuses,
                             LocalDate statusDate, BigDecimal charge, BigDecimal paid, LocalDate paidDate,
                             LocalDate checkDate, String checkNumber) {
    public ClaimStatus277 {
        statuses = List.copyOf(statuses);
    }

    /** The claim's current status: the first STC's STC01. */
    public Ack277CA.Status first() {
        return statuses.get(0);
    }
}
