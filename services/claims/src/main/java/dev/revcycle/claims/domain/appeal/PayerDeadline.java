package dev.revcycle.claims.domain.appeal;

import java.time.Instant;
import java.util.UUID;

/** A payer's appeal deadline for one practice: days from the adjudication, who set it and when. */
public record PayerDeadline(UUID payerId, int days, String updatedBy, Instant updatedAt) {
}
