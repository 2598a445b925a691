package dev.revcycle.collections.domain;

import java.math.BigDecimal;

/**
 * The ledger's sums a KPI report is computed from (all of one practice; see {@link Kpis} for the formulas).
 *
 * @param charges             CHARGE entries dated in the period
 * @param payments            PAYMENT entries dated in the period (insurance and patient), less reversals of payments
 * @param adjustments         every adjustment dated in the period (contractual, other, write-offs), less their reversals
 * @param contractual         the CONTRACTUAL (CAS group CO) adjustments among them
 * @param arAtEnd             accounts receivable at the period's end: the sum of the accounts' balances (insurance + patient, credits excluded)
 * @param arOver90            the part of {@code arAtEnd} on accounts whose oldest open service date is more than 90 days before the end
 * @param chargesLast90Days   charges dated in the 90 days ending on the period's end (for the average daily charges)
 * @param placed              balances placed with the agency in the period
 * @param recovered           agency payments (method AGENCY) dated in the period
 */
public record KpiFigures(BigDecimal charges, BigDecimal payments, BigDecimal adjustments, BigDecimal contractual,
                         BigDecimal arAtEnd, BigDecimal arOver90, BigDecimal chargesLast90Days, BigDecimal placed,
                         BigDecimal recovered) {
}
