package dev.revcycle.claims.domain.appeal;

import dev.revcycle.claims.domain.ClaimStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An appeal of an adjudicated claim to its payer. {@code reason} and {@code letter} are the biller's free text
 * (may name the patient: PHI, never logged). toString names the ids only.
 */
public record Appeal(UUID id, UUID claimId, String practiceId, UUID payerId, Status status, ClaimStatus claimStatus,
                     String reason, String letter, BigDecimal charge, BigDecimal paid, BigDecimal expected,
                     BigDecimal disputed, LocalDate adjudicatedOn, int deadlineDays, LocalDate deadline,
                     String outcomeNote, String decidedBy, Instant decidedAt, String filedBy, Instant filedAt,
                     long version) {

    public enum Status { OPEN, OVERTURNED, UPHELD }

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    @Override
    public String toString() {
        return "Appeal[" + id + ", claim " + claimId + ", " + status + "]";
    }
}
