package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of the underpayment summary: a payer and code's underpaid lines and their totals. */
public record UnderpaymentTotal(UUID payerId, String procedureCode, long lines, BigDecimal expected, BigDecimal actual,
                                BigDecimal difference) {
}
