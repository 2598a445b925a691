package dev.revcycle.claims.scrub;

import dev.revcycle.claims.domain.BillableClaim;
import java.util.ArrayList;
import java.util.List;

/** Runs every rule of the registry over a claim and sorts what they find into errors and warnings. */
public final class Scrubber {
    private final List<ScrubRule> rules;

    public Scrubber() {
        this(ScrubRules.ALL);
    }

    public Scrubber(List<ScrubRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public ScrubResult scrub(BillableClaim claim, ScrubContext context) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (ScrubRule rule : rules) {
            List<Finding> into = rule.severity() == Severity.ERROR ? errors : warnings;
            rule.check(claim, context, (path, message) -> into.add(new Finding(rule.id(), rule.severity(), path, message)));
        }
        return new ScrubResult(errors, warnings);
    }

    public List<ScrubRule> rules() {
        return rules;
    }
}
