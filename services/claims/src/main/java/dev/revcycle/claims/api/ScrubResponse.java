package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ScrubbingClaims;
import dev.revcycle.claims.scrub.Finding;
import java.util.List;
import java.util.UUID;

/** What a scrub found, and the claim's status and version after it. */
public record ScrubResponse(UUID claimId, String status, long version, boolean clean, List<Item> errors, List<Item> warnings) {
    /** One finding: the rule's id, the field's path (e.g. {@code lines[0].procedureCode}), a readable message. */
    public record Item(String ruleId, String severity, String path, String message) {
        static Item of(Finding f) {
            return new Item(f.ruleId(), f.severity().name(), f.path(), f.message());
        }
    }

    static ScrubResponse of(ScrubbingClaims.Outcome o) {
        return new ScrubResponse(o.claim().id(), o.claim().status().name(), o.claim().version(), o.result().clean(),
                o.result().errors().stream().map(Item::of).toList(), o.result().warnings().stream().map(Item::of).toList());
    }
}
