package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.appeal.Appeal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An appeal; {@code daysLeft} in lists (negative once the deadline passed). */
public record AppealResponse(UUID id, UUID claimId, String practiceId, UUID payerId, String status, String claimStatus,
                             String reason, boolean customLetter, BigDecimal charge, BigDecimal paid,
                             BigDecimal expectedAmount, BigDecimal disputedAmount, LocalDate adjudicatedOn,
                             int deadlineDays, LocalDate deadline, Long daysLeft, String outcomeNote, String decidedBy,
                             Instant decidedAt, String filedBy, Instant filedAt, long version, String letterUrl) {
    static AppealResponse of(Appeal a, Long daysLeft) {
        return new AppealResponse(a.id(), a.claimId(), a.practiceId(), a.payerId(), a.status().name(),
                a.claimStatus().name(), a.reason(), a.letter() != null, a.charge(), a.paid(), a.expected(), a.disputed(),
                a.adjudicatedOn(), a.deadlineDays(), a.deadline(), daysLeft, a.outcomeNote(), a.decidedBy(),
                a.decidedAt(), a.filedBy(), a.filedAt(), a.version(), "/appeals/" + a.id() + "/letter.pdf");
    }

    /** {@code GET /appeals}: open appeals by deadline. */
    public record Page(String practiceId, Integer dueWithinDays, List<AppealResponse> items) {
    }
}
