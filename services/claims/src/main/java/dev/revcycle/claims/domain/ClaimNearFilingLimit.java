package dev.revcycle.claims.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An unsubmitted or rejected claim and the last day its payer accepts it (first date of service + filing limit). */
public record ClaimNearFilingLimit(UUID claimId, String patientControlNumber, String status, UUID payerId, String payerName,
                                   LocalDate firstServiceDate, BigDecimal totalCharge, Integer timelyFilingDays,
                                   LocalDate deadline) {
    /** The filing limit taken when the payer gave none. */
    public static final int DEFAULT_FILING_DAYS = 90;
}
