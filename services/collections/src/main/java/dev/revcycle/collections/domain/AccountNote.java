package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An entry of an account's correspondence and inquiry log (its text may hold PHI: never printed). */
public record AccountNote(UUID id, UUID accountId, String practiceId, NoteTerms.Kind kind, String text,
                          LocalDate followUpOn, BigDecimal promisedAmount, String createdBy, Instant createdAt) {
    @Override
    public String toString() {
        return "AccountNote[" + id + ", " + kind + "]";
    }
}
