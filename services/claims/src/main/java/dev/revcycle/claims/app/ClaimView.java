package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import java.time.Instant;
import java.util.UUID;

/** A claim as the API shows it, with its coverage's payer and when its status last changed. */
public record ClaimView(Claim claim, UUID payerId, Instant statusChangedAt) {
    @Override
    public String toString() {
        return "ClaimView[" + claim.id() + "]";
    }
}
