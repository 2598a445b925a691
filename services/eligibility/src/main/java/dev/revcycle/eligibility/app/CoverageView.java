package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageStatus;
import dev.revcycle.eligibility.domain.CoverageTerms;
import java.time.Instant;
import java.util.UUID;

/** A coverage as the use cases hand it out, with its payer; never the entity itself. */
public record CoverageView(UUID id, String practiceId, UUID patientId, PayerView payer, CoverageTerms terms,
                           CoverageStatus status, long version, Instant createdAt, Instant updatedAt) {
    static CoverageView of(Coverage c) {
        return new CoverageView(c.id(), c.practiceId(), c.patientId(), PayerView.of(c.payer()), c.terms(),
                c.status(), c.version(), c.createdAt(), c.updatedAt());
    }

    /** Member id and subscriber are PHI: never printed. */
    @Override
    public String toString() {
        return "CoverageView[" + id + "]";
    }
}
