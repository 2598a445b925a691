package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A practice's collection figures at one month's end (its first day names it), as kept. */
public record KpiMonth(LocalDate month, BigDecimal charges, BigDecimal payments, BigDecimal contractual, BigDecimal arAtEnd,
                        BigDecimal grossCollectionRate, BigDecimal netCollectionRate, BigDecimal daysInAr, Instant computedAt) {
}
