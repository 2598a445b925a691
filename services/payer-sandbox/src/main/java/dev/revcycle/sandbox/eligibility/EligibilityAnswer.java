package dev.revcycle.sandbox.eligibility;

import dev.revcycle.sandbox.rules.Fault;

/**
 * What to send back for one 270.
 *
 * @param fault the injected fault, {@link Fault#NONE} for a plain answer
 * @param body  the 271 (cut short for {@link Fault#MALFORMED_ANSWER}); null for {@link Fault#PAYER_UNAVAILABLE}
 */
public record EligibilityAnswer(Fault fault, String body) {
    /** The 271 names the subscriber: never printed. */
    @Override
    public String toString() {
        return "EligibilityAnswer[" + fault + "]";
    }
}
