package dev.revcycle.claims.scrub;

import dev.revcycle.claims.domain.BillableClaim;

/** A row of the registry: a rule's id, severity and description, and the check that applies it. */
record Rule(String id, Severity severity, String description, Check check) implements ScrubRule {
    @FunctionalInterface
    interface Check {
        void apply(BillableClaim claim, ScrubContext context, Sink sink);
    }

    @Override
    public void check(BillableClaim claim, ScrubContext context, Sink sink) {
        check.apply(claim, context, sink);
    }
}
