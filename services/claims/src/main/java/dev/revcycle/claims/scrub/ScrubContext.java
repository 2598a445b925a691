package dev.revcycle.claims.scrub;

import java.time.LocalDate;

/** What a scrub needs besides the claim: today's date (the clock's, in the practice's zone) and the duplicate lookup. */
public record ScrubContext(LocalDate today, SubmittedClaims submittedClaims) {
    public ScrubContext {
        if (today == null || submittedClaims == null) {
            throw new IllegalArgumentException("today and submittedClaims are required");
        }
    }
}
