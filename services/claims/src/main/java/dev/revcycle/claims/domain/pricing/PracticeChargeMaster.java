package dev.revcycle.claims.domain.pricing;

import java.time.Instant;
import java.util.List;

/** A practice's charge master as last PUT: its version (the ETag), who and when, and every item. */
public record PracticeChargeMaster(String practiceId, long version, Instant updatedAt, String updatedBy,
                                   List<ChargeMasterItem> items) {
}
