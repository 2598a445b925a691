package dev.revcycle.claims.scrub;

import java.util.List;

/** What the scrubber found, errors and warnings apart, each in the rules' registry order. */
public record ScrubResult(List<Finding> errors, List<Finding> warnings) {
    public ScrubResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** No errors: the claim may become READY (warnings do not hold it back). */
    public boolean clean() {
        return errors.isEmpty();
    }
}
