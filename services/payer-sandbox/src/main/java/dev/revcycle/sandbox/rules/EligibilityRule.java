package dev.revcycle.sandbox.rules;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One row of the eligibility table.
 *
 * @param condition a readable statement of when the rule applies, as the README shows it
 * @param matches   the same condition, on the member id (NM109 of the 270's subscriber, "" when absent)
 * @param coverage  what the 271 says about the subscriber
 * @param fault     what the sandbox does to the whole exchange, when anything
 * @param answer    a readable statement of the answer, as the README shows it
 */
public record EligibilityRule(String condition, Predicate<String> matches, Coverage coverage, Fault fault,
        String answer) {

    public EligibilityRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(answer, "answer");
    }

    public boolean appliesTo(String memberId) {
        return matches.test(memberId == null ? "" : memberId.strip());
    }

    /** Member ids are opaque and PHI: the rule is what gets logged, never the id. */
    @Override
    public String toString() {
        return "EligibilityRule[" + condition + " -> " + answer + "]";
    }
}
