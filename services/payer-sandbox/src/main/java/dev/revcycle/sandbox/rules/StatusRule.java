package dev.revcycle.sandbox.rules;

import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * One row of the claim status (276 → 277) table, keyed on what the sandbox knows of the claim asked about.
 *
 * @param condition   a readable statement of when the rule applies, as the README shows it
 * @param matches     the same condition, on the claim's state and its first procedure code
 * @param category    STC01-1, the claim status category (code list 507)
 * @param statusCode  STC01-2, the claim status code (508)
 * @param amounts     whether STC04–STC06 (charge, paid, adjudication date) are answered
 * @param answer      a readable statement of the answer, as the README shows it
 */
public record StatusRule(String condition, BiPredicate<ClaimState, String> matches, String category,
        String statusCode, boolean amounts, String answer) {

    /** What the sandbox knows of a claim (its submitter's ISA06 and CLM01, the 276's REF*EJ). */
    public enum ClaimState {
        /** never accepted by a 277CA for this submitter (never sent, rejected, or a mailbox emptied since) */
        UNKNOWN,
        /** accepted, waiting for a remittance run */
        PENDING,
        /** adjudicated with a payment (every line or some) */
        PAID,
        /** adjudicated, nothing paid (CLP02 4) */
        DENIED,
        /** paid, then reversed by a later run (CLP02 22) */
        REVERSED
    }

    public StatusRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(answer, "answer");
    }

    public boolean appliesTo(ClaimState state, String firstProcedureCode) {
        return matches.test(state, firstProcedureCode == null ? "" : firstProcedureCode.strip().toUpperCase());
    }

    @Override
    public String toString() {
        return "StatusRule[" + condition + " -> " + answer + "]";
    }
}
