package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient statement as printed: who it goes to (the guarantor's name and mailing address — PHI, never
 * logged: this record's {@code toString} leaves them out), the practice, the account, the level's message,
 * the services and the amount due by the due date.
 */
public record StatementDocument(UUID statementId, String practiceId, String practiceName, UUID accountId,
                                String patientName, List<String> addressLines, LocalDate statementDate,
                                LocalDate dueDate, DunningLevel level, List<StatementLine> lines,
                                BigDecimal amountDue) {

    public StatementDocument {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        lines = List.copyOf(lines);
    }

    public String message() {
        return level.message();
    }

    @Override
    public String toString() {
        return "StatementDocument[statementId=" + statementId + ", accountId=" + accountId + ", level=" + level + "]";
    }
}
