package dev.revcycle.sandbox.rules;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One row of the remittance (835) table, keyed on a claim's first procedure code (the first line's SV101-2 or
 * SV202-2).
 *
 * @param condition    a readable statement of when the rule applies, as the README shows it
 * @param matches      the same condition, on the first procedure code (upper-cased, trimmed)
 * @param outcome      how the claim is adjudicated
 * @param patientShare what the patient owes out of the allowed amount of a paid line
 * @param denialReason the CARC of group CO for denied lines (DENIED, and lines 2… of PARTLY_PAID), else null
 * @param answer       a readable statement of the answer, as the README shows it
 */
public record RemittanceRule(String condition, Predicate<String> matches, Outcome outcome, PatientShare patientShare,
        String denialReason, String answer) {

    /** How a claim is adjudicated. */
    public enum Outcome {
        /** Every line paid at the allowed share, less the patient's share. */
        PAID,
        /** Every line denied for its full charge (CO-{@code denialReason}), CLP02 4. */
        DENIED,
        /** Line 1 paid as PAID; every other line denied (CO-{@code denialReason}). */
        PARTLY_PAID,
        /** Paid as PAID in one run; the next run sends only its reversal (CLP02 22). */
        PAID_THEN_REVERSED,
        /** Paid as PAID, and the 835 carries a PLB L6 interest payment for it. */
        PAID_WITH_INTEREST,
        /**
         * Paid as PAID, except that a line whose code has a sandbox contract rate
         * ({@link SandboxRules#CONTRACT_RATES}) is allowed {@link SandboxRules#UNDERPAID_SHARE} of that rate (at most
         * what it is paid on): an underpayment for the practice's contract checks to find.
         */
        PAID_BELOW_CONTRACT
    }

    /** The patient's responsibility on a paid claim. */
    public enum PatientShare {
        NONE,
        /** PR-3: the copay on line 1, at most its allowed amount. */
        COPAY_ON_LINE_1,
        /** PR-2: the coinsurance rate of every line's allowed amount. */
        COINSURANCE,
        /** PR-1: the deductible on line 1, at most its allowed amount. */
        DEDUCTIBLE_ON_LINE_1
    }

    public RemittanceRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(patientShare, "patientShare");
        Objects.requireNonNull(answer, "answer");
        if ((outcome == Outcome.DENIED || outcome == Outcome.PARTLY_PAID) && denialReason == null) {
            throw new IllegalArgumentException("a denying rule needs its CARC");
        }
    }

    public boolean appliesTo(String firstProcedureCode) {
        return matches.test(firstProcedureCode == null ? "" : firstProcedureCode.strip().toUpperCase());
    }

    @Override
    public String toString() {
        return "RemittanceRule[" + condition + " -> " + answer + "]";
    }
}
