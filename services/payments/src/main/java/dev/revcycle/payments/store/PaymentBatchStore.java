package dev.revcycle.payments.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lockbox files and their lines' outcomes (the ledger holds the payments' entries). Plain SQL in the caller's transaction. */
@ApplicationScoped
public class PaymentBatchStore {
    static final String INSERT_BATCH = """
            INSERT INTO payment_batch (id, practice_id, file_sha256, status, items, total_amount, received_at, actor)
            VALUES (?, ?, ?, 'PROCESSING', ?, ?, ?, ?)""";
    static final String COMPLETE_BATCH = """
            UPDATE payment_batch SET status = 'COMPLETE', posted = ?, duplicates = ?, rejected = ?, posted_amount = ?,
                completed_at = ? WHERE id = ?""";
    static final String BATCH_COLUMNS = "id, practice_id, file_sha256, status, items, total_amount, posted, duplicates, "
            + "rejected, posted_amount, received_at, completed_at, actor";
    static final String FIND_BATCH = "SELECT " + BATCH_COLUMNS + " FROM payment_batch WHERE id = ?";
    static final String LINE_COLUMNS = "batch_id, line_number, practice_id, lockbox, deposit_date, bank_batch_id, item_id, "
            + "amount, file_account_id, file_patient_id, patient_control_number, check_number, payer_name, outcome, "
            + "account_id, payment_id, applied, recovered, credited, reason_code, reason";
    /** Claims the item's key for a POSTED line; nothing when a POSTED line holds the key already. */
    static final String CLAIM_ITEM = "INSERT INTO payment_batch_line (" + LINE_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'POSTED', ?, NULL, NULL, NULL, NULL, NULL, NULL) "
            + "ON CONFLICT (practice_id, lockbox, deposit_date, bank_batch_id, item_id) WHERE outcome = 'POSTED' DO NOTHING";
    static final String SET_POSTED = """
            UPDATE payment_batch_line SET payment_id = ?, applied = ?, recovered = ?, credited = ?, reason = ?
            WHERE batch_id = ? AND line_number = ?""";
    static final String INSERT_LINE = "INSERT INTO payment_batch_line (" + LINE_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)";
    static final String FIND_POSTED_ITEM = "SELECT " + LINE_COLUMNS + " FROM payment_batch_line "
            + "WHERE practice_id = ? AND lockbox = ? AND deposit_date = ? AND bank_batch_id = ? AND item_id = ? AND outcome = 'POSTED'";
    static final String LINES = "SELECT " + LINE_COLUMNS + " FROM payment_batch_line WHERE batch_id = ? "
            + "ORDER BY line_number LIMIT ? OFFSET ?";
    static final String LINES_OF_OUTCOME = "SELECT " + LINE_COLUMNS + " FROM payment_batch_line WHERE batch_id = ? "
            + "AND outcome = ? ORDER BY line_number LIMIT ? OFFSET ?";

    public record BatchRecord(UUID id, String practiceId, String fileSha256, String status, int items, BigDecimal totalAmount,
                              int posted, int duplicates, int rejected, BigDecimal postedAmount, Instant receivedAt,
                              Instant completedAt, String actor) {
    }

    /** One line as stored; {@code payerName} is PHI (shown to the practice's readers, never logged). */
    public record LineRecord(UUID batchId, int lineNumber, String practiceId, String lockbox, LocalDate depositDate,
                             String bankBatchId, String itemId, BigDecimal amount, UUID fileAccountId, UUID filePatientId,
                             String patientControlNumber, String checkNumber, String payerName, String outcome,
                             UUID accountId, UUID paymentId, BigDecimal applied, BigDecimal recovered, BigDecimal credited,
                             String reasonCode, String reason) {
        @Override
        public String toString() {
            return "LineRecord[" + batchId + " line " + lineNumber + " " + outcome + "]";
        }
    }

    @Inject
    LedgerStore ledger;

    public void insertBatch(BatchRecord b) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_BATCH)) {
                s.setObject(1, b.id());
                s.setString(2, b.practiceId());
                s.setString(3, b.fileSha256());
                s.setInt(4, b.items());
                s.setBigDecimal(5, b.totalAmount());
                s.setTimestamp(6, Timestamp.from(b.receivedAt()));
                s.setString(7, b.actor());
                return s.executeUpdate();
            }
        });
    }

    public void complete(UUID id, int posted, int duplicates, int rejected, BigDecimal postedAmount, Instant now) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(COMPLETE_BATCH)) {
                s.setInt(1, posted);
                s.setInt(2, duplicates);
                s.setInt(3, rejected);
                s.setBigDecimal(4, postedAmount);
                s.setTimestamp(5, Timestamp.from(now));
                s.setObject(6, id);
                return s.executeUpdate();
            }
        });
    }

    public Optional<BatchRecord> batch(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_BATCH)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp completed = rs.getTimestamp(12);
                    return Optional.of(new BatchRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getBigDecimal(6).setScale(2), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9), rs.getBigDecimal(10).setScale(2), rs.getTimestamp(11).toInstant(),
                            completed == null ? null : completed.toInstant(), rs.getString(13)));
                }
            }
        });
    }

    /**
     * Claims the item's key for {@code line} as a POSTED line (its payment set by {@link #setPosted}); waits for a
     * concurrent transaction holding the key.
     *
     * @return false when a POSTED line holds the key already (committed, or earlier in this transaction)
     */
    public boolean claimItem(LineRecord line) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM_ITEM)) {
                int i = fileColumns(s, line);
                s.setObject(i, line.accountId());
                return s.executeUpdate() == 1;
            }
        });
    }

    public void setPosted(UUID batchId, int lineNumber, UUID paymentId, BigDecimal applied, BigDecimal recovered,
                          BigDecimal credited, String note) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SET_POSTED)) {
                s.setObject(1, paymentId);
                s.setBigDecimal(2, applied);
                s.setBigDecimal(3, recovered);
                s.setBigDecimal(4, credited);
                s.setString(5, note);
                s.setObject(6, batchId);
                s.setInt(7, lineNumber);
                return s.executeUpdate();
            }
        });
    }

    /** A DUPLICATE or REJECTED line. */
    public void insertLine(LineRecord line) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
                int i = fileColumns(s, line);
                s.setString(i++, line.outcome());
                s.setObject(i++, line.accountId());
                s.setObject(i++, line.paymentId());
                s.setString(i++, line.reasonCode());
                s.setString(i, line.reason());
                return s.executeUpdate();
            }
        });
    }

    public Optional<LineRecord> postedItem(String practiceId, String lockbox, LocalDate depositDate, String bankBatchId,
                                           String itemId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_POSTED_ITEM)) {
                s.setString(1, practiceId);
                s.setString(2, lockbox);
                s.setDate(3, Date.valueOf(depositDate));
                s.setString(4, bankBatchId);
                s.setString(5, itemId);
                List<LineRecord> found = lines(s);
                return found.stream().findFirst();
            }
        });
    }

    /** A page of the batch's lines in file order, of one outcome when {@code outcome} is given. */
    public List<LineRecord> lines(UUID batchId, String outcome, int limit, int offset) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(outcome == null ? LINES : LINES_OF_OUTCOME)) {
                int i = 1;
                s.setObject(i++, batchId);
                if (outcome != null) {
                    s.setString(i++, outcome);
                }
                s.setInt(i++, limit);
                s.setInt(i, offset);
                return lines(s);
            }
        });
    }

    private static int fileColumns(PreparedStatement s, LineRecord line) throws SQLException {
        s.setObject(1, line.batchId());
        s.setInt(2, line.lineNumber());
        s.setString(3, line.practiceId());
        s.setString(4, line.lockbox());
        s.setDate(5, Date.valueOf(line.depositDate()));
        s.setString(6, line.bankBatchId());
        s.setString(7, line.itemId());
        s.setBigDecimal(8, line.amount());
        s.setObject(9, line.fileAccountId());
        s.setObject(10, line.filePatientId());
        s.setString(11, line.patientControlNumber());
        s.setString(12, line.checkNumber());
        s.setString(13, line.payerName());
        return 14;
    }

    private static List<LineRecord> lines(PreparedStatement s) throws SQLException {
        List<LineRecord> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lines.add(new LineRecord(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getBigDecimal(8).setScale(2),
                        rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getObject(15, UUID.class), rs.getObject(16, UUID.class),
                        scaled(rs.getBigDecimal(17)), scaled(rs.getBigDecimal(18)), scaled(rs.getBigDecimal(19)),
                        rs.getString(20), rs.getString(21)));
            }
        }
        return lines;
    }

    private static BigDecimal scaled(BigDecimal x) {
        return x == null ? null : x.setScale(2);
    }
}
