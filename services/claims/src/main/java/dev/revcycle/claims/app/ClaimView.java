package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.store.ClaimRepository;
import java.time.Instant;
import java.util.UUID;

/** A claim as the API shows it, with its coverage's payer and when its status last changed. */
public record ClaimView(Claim claim, UUID payerId, Instant statusChangedAt,
                        ClaimRepository.AdjudicationSummary adjudication) {
    public ClaimView(Claim claim, UUID payerId, Instant statusChangedAt) {
        this(claim, payerId, statusChangedAt, null);
    }

    static ClaimView of(ClaimRepository.Stored s) {
        return new ClaimView(s.claim(), s.payerId(), s.statusChangedAt(), s.adjudication());
    }

    @Override
    public String toString() {
        return "ClaimView[" + claim.id() + "]";
    }
}
