package dev.revcycle.eligibility.domain;

import java.util.UUID;

/** A request the coverage's state or the patient's other coverages do not allow (answered 409). */
public class CoverageConflict extends RuntimeException {
    private final UUID existingCoverageId;

    public CoverageConflict(String message) {
        this(message, null);
    }

    /** @param existingCoverageId the coverage already holding the priority, or null */
    public CoverageConflict(String message, UUID existingCoverageId) {
        super(message, null, false, false);
        this.existingCoverageId = existingCoverageId;
    }

    public UUID existingCoverageId() {
        return existingCoverageId;
    }
}
