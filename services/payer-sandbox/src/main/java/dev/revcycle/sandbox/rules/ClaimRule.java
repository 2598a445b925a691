package dev.revcycle.sandbox.rules;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One row of the claim acknowledgement (277CA) table.
 *
 * @param condition     a readable statement of when the rule applies, as the README shows it
 * @param matches       the same condition, on the claim's first diagnosis code (HI01-2, without a dot)
 * @param category      STC01-1, the claim status category (A2 accepted, A7 rejected …)
 * @param statusCode    STC01-2, the claim status code
 * @param answer        a readable statement of the answer, as the README shows it
 */
public record ClaimRule(String condition, Predicate<String> matches, String category, String statusCode,
        String answer) {

    public ClaimRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(answer, "answer");
    }

    public boolean appliesTo(String firstDiagnosis) {
        return matches.test(firstDiagnosis == null ? "" : firstDiagnosis.strip().replace(".", "").toUpperCase());
    }

    public boolean accepted() {
        return "A2".equals(category);
    }

    @Override
    public String toString() {
        return "ClaimRule[" + condition + " -> " + answer + "]";
    }
}
