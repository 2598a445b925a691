package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where an account stands in statements, plans and placement (built by those parts of the service; every
 * field null while the account has none of them).
 *
 * @param dunningLevel  the level of the last statement (1 statement … 4 final notice), null before the first
 */
public record Standing(Integer dunningLevel, Plan plan, Statement lastStatement, Placement placement) {
    public static final Standing NONE = new Standing(null, null, null, null);

    /** The account's current payment plan; {@code pastDue} what is owed of installments past their grace period. */
    public record Plan(UUID planId, String status, BigDecimal installmentAmount, String frequency, LocalDate nextDueDate,
                       BigDecimal remaining, BigDecimal pastDue) {
        public boolean inArrears() {
            return pastDue != null && pastDue.signum() > 0;
        }

        public boolean current() {
            return "ACTIVE".equals(status) || "CURRENT".equals(status);
        }
    }

    /** The last statement sent. */
    public record Statement(UUID statementId, LocalDate issuedOn, int level, String letter, BigDecimal amountDue,
                            LocalDate dueDate) {
    }

    /** The account's placement with the agency, while it is placed (not recalled). */
    public record Placement(UUID placementId, String agencyName, String agencyId, LocalDate placedOn,
                            BigDecimal placedAmount) {
    }
}
