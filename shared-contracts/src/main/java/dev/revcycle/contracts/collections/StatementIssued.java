package dev.revcycle.contracts.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient statement went out (a statement run issued it). {@code level} STATEMENT, REMINDER, PAST_DUE or
 * FINAL_NOTICE. No name or address: the statement itself is at GET /statements/{statementId}. Key: accountId;
 * {@code version} the account's collections version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementIssued(UUID statementId, UUID runId, UUID accountId, UUID patientId, String practiceId,
                              String level, BigDecimal amountDue, LocalDate statementDate, LocalDate dueDate,
                              Instant issuedAt, long version) {
}
