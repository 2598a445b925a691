package dev.revcycle.claims.scrub;

import dev.revcycle.claims.domain.BillableClaim;

/**
 * One rule of the scrubber: its stable id (what tests, the UI and {@code GET /scrub-rules} name), its
 * severity and a description for billing representatives. {@link #check} reports what it finds to the
 * sink as (path, message); the severity is the rule's.
 */
public interface ScrubRule {
    String id();

    Severity severity();

    String description();

    void check(BillableClaim claim, ScrubContext context, Sink sink);

    @FunctionalInterface
    interface Sink {
        void report(String path, String message);
    }
}
