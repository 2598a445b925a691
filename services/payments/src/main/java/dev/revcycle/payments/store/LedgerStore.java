package dev.revcycle.payments.store;

import dev.revcycle.common.db.Sql;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.ReasonCode;
import dev.revcycle.payments.domain.Responsibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts, their ledger entries and balances: plain SQL in the caller's transaction. */
@ApplicationScoped
public class LedgerStore {
    static final String ACCOUNT_COLUMNS = "id, patient_id, practice_id, insurance_sum, patient_sum, bad_debt_open, "
            + "oldest_open_service_date, merged_into, version, patient_version";
    static final String LOCK_ACCOUNT = "SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE id = ? FOR UPDATE";
    static final String FIND_ACCOUNT = "SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE id = ?";
    static final String FIND_BY_PATIENT = "SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE patient_id = ? AND practice_id = ?";
    static final String FIND_BY_PATIENT_ANY = "SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE patient_id = ? ORDER BY practice_id LIMIT 50";
    static final String OPEN = """
            INSERT INTO account (id, patient_id, practice_id, version, patient_version, opened_at)
            VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (patient_id, practice_id) DO NOTHING""";
    static final String UPDATE_BALANCES = """
            UPDATE account SET insurance_sum = ?, patient_sum = ?, bad_debt_open = ?, oldest_open_service_date = ?,
                version = ?, credit_since = CASE WHEN ? THEN coalesce(credit_since, ?) END WHERE id = ?""";
    static final String MARK_MERGED = "UPDATE account SET merged_into = ?, patient_version = ? WHERE id = ?";
    static final String ENTRY_COLUMNS = "id, account_id, practice_id, type, amount, responsibility, insurance_delta, "
            + "patient_delta, claim_id, claim_line_id, group_code, reason_code, remark_code, kind, source, "
            + "source_reference, payment_id, method, partner_id, effective_date, posted_at, actor, reversal_of";
    static final String INSERT_ENTRY = "INSERT INTO ledger_entry (" + ENTRY_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String ENTRY = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE id = ?";
    static final String ENTRIES_OF_CLAIM = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE claim_id = ? ORDER BY seq";
    static final String ENTRIES_OF_PAYMENT = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE payment_id = ? ORDER BY seq";
    static final String ENTRIES_OF_ACCOUNT = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE account_id = ? ORDER BY seq";
    static final String PAGE = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE account_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT count(*) FROM ledger_entry WHERE account_id = ?";
    static final String REVERSED = "SELECT 1 FROM ledger_entry WHERE reversal_of = ? AND kind = 'REVERSAL'";
    static final String SUMS = """
            SELECT coalesce(sum(insurance_delta), 0), coalesce(sum(patient_delta), 0), count(*)
            FROM ledger_entry WHERE account_id = ?""";
    static final String OLDEST_OPEN = """
            SELECT min(c.first_service_date) FROM claim c
            WHERE c.account_id = ? AND (SELECT coalesce(sum(e.insurance_delta + e.patient_delta), 0)
                                        FROM ledger_entry e WHERE e.claim_id = c.id) > 0""";
    /** Claims with a patient balance, oldest service first: where unallocated money goes. */
    static final String PATIENT_OPEN_CLAIMS = """
            SELECT c.id, s.open FROM claim c
            CROSS JOIN LATERAL (SELECT coalesce(sum(e.patient_delta), 0) AS open FROM ledger_entry e WHERE e.claim_id = c.id) s
            WHERE c.account_id = ? AND s.open > 0 ORDER BY c.first_service_date, c.id LIMIT 200""";
    static final String CLAIM_SUMS = """
            SELECT coalesce(sum(insurance_delta), 0), coalesce(sum(patient_delta), 0) FROM ledger_entry WHERE claim_id = ?""";
    static final String CREDITS = "SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE practice_id = ? AND credit_since IS NOT NULL "
            + "ORDER BY credit_since, id LIMIT ? OFFSET ?";
    static final String COUNT_CREDITS = "SELECT count(*) FROM account WHERE practice_id = ? AND credit_since IS NOT NULL";

    /**
     * What remittances posted for these claims on each claim's current account and was not reversed yet: what a
     * CLP02 = 22 reversal undoes.
     */
    /** Every entry of these claims on each claim's current account: a CLP02 = 22 reversal's candidates. */
    static final String ENTRIES_OF_CLAIMS = "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry e "
            + "WHERE e.claim_id = ANY (?::uuid[]) "
            + "AND e.account_id = (SELECT k.account_id FROM claim k WHERE k.id = e.claim_id) ORDER BY e.seq";

    @Inject
    Sql sql;

    public <T> T sql(Sql.Work<T> work) {
        return sql.work(work);
    }

    public Optional<Account> lock(UUID id) {
        return sql(c -> one(c, LOCK_ACCOUNT, id));
    }

    public Optional<Account> find(UUID id) {
        return sql(c -> one(c, FIND_ACCOUNT, id));
    }

    public Optional<Account> findByPatient(UUID patientId, String practiceId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_BY_PATIENT)) {
                s.setObject(1, patientId);
                s.setString(2, practiceId);
                return accounts(s).stream().findFirst();
            }
        });
    }

    public List<Account> findByPatient(UUID patientId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_BY_PATIENT_ANY)) {
                s.setObject(1, patientId);
                return accounts(s);
            }
        });
    }

    /** @return whether the account was opened now (false: it existed) */
    public boolean open(UUID id, UUID patientId, String practiceId, long patientVersion, Instant now) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(OPEN)) {
                s.setObject(1, id);
                s.setObject(2, patientId);
                s.setString(3, practiceId);
                s.setLong(4, patientVersion);
                s.setTimestamp(5, Timestamp.from(now));
                return s.executeUpdate() == 1;
            }
        });
    }

    public void updateBalances(Account a, Instant now) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE_BALANCES)) {
                s.setBigDecimal(1, a.insuranceSum());
                s.setBigDecimal(2, a.patientSum());
                s.setBigDecimal(3, a.badDebtOpen());
                s.setObject(4, a.oldestOpenServiceDate());
                s.setLong(5, a.version());
                s.setBoolean(6, a.creditBalance().signum() > 0);
                s.setTimestamp(7, Timestamp.from(now));
                s.setObject(8, a.id());
                return s.executeUpdate();
            }
        });
    }

    public void markMerged(UUID duplicate, UUID survivor, long duplicateVersion) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement(MARK_MERGED)) {
                s.setObject(1, survivor);
                s.setLong(2, duplicateVersion);
                s.setObject(3, duplicate);
                return s.executeUpdate();
            }
        });
    }

    public void insert(List<PostedEntry> entries) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_ENTRY)) {
                for (PostedEntry e : entries) {
                    int i = 1;
                    s.setObject(i++, e.id());
                    s.setObject(i++, e.accountId());
                    s.setString(i++, e.practiceId());
                    s.setString(i++, e.type().name());
                    s.setBigDecimal(i++, e.amount());
                    s.setString(i++, e.responsibility().name());
                    s.setBigDecimal(i++, e.insuranceDelta());
                    s.setBigDecimal(i++, e.patientDelta());
                    s.setObject(i++, e.claimId());
                    s.setObject(i++, e.claimLineId());
                    s.setString(i++, e.reason() == null ? null : e.reason().group());
                    s.setString(i++, e.reason() == null ? null : e.reason().carc());
                    s.setString(i++, e.reason() == null ? null : e.reason().rarc());
                    s.setString(i++, e.kind());
                    s.setString(i++, e.source().name());
                    s.setString(i++, e.sourceReference());
                    s.setObject(i++, e.paymentId());
                    s.setString(i++, e.method());
                    s.setObject(i++, e.partnerId());
                    s.setObject(i++, e.effectiveDate());
                    s.setTimestamp(i++, Timestamp.from(e.postedAt()));
                    s.setString(i++, e.actor());
                    s.setObject(i, e.reversalOf());
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            }
        });
    }

    public Optional<PostedEntry> entry(UUID id) {
        return sql(c -> entries(c, ENTRY, id).stream().findFirst());
    }

    public List<PostedEntry> entriesOfClaim(UUID claimId) {
        return sql(c -> entries(c, ENTRIES_OF_CLAIM, claimId));
    }

    public List<PostedEntry> entriesOfPayment(UUID paymentId) {
        return sql(c -> entries(c, ENTRIES_OF_PAYMENT, paymentId));
    }

    public List<PostedEntry> entriesOfAccount(UUID accountId) {
        return sql(c -> entries(c, ENTRIES_OF_ACCOUNT, accountId));
    }

    /**
     * What remittances posted for these claims (on each claim's current account) and was not reversed yet: what a
     * CLP02 = 22 reversal undoes. By claim, in posting order.
     */
    public java.util.Map<UUID, List<PostedEntry>> remittanceEntriesOfClaims(java.util.Collection<UUID> claimIds) {
        java.util.Map<UUID, List<PostedEntry>> out = new java.util.HashMap<>();
        if (claimIds.isEmpty()) {
            return out;
        }
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(ENTRIES_OF_CLAIMS)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.toArray()));
                List<PostedEntry> all = entries(s);
                java.util.Set<UUID> reversed = new java.util.HashSet<>();
                for (PostedEntry e : all) {
                    if (e.type() == EntryType.REVERSAL && e.reversalOf() != null && "REVERSAL".equals(e.kind())) {
                        reversed.add(e.reversalOf());
                    }
                }
                for (PostedEntry e : all) {
                    if (e.source() == EntrySource.REMITTANCE && e.type() != EntryType.REVERSAL && !reversed.contains(e.id())) {
                        out.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e);
                    }
                }
                return out;
            }
        });
    }

    public boolean reversed(UUID entryId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(REVERSED)) {
                s.setObject(1, entryId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public List<PostedEntry> page(UUID accountId, int limit, int offset) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(PAGE)) {
                s.setObject(1, accountId);
                s.setInt(2, limit);
                s.setInt(3, offset);
                return entries(s);
            }
        });
    }

    public long count(UUID accountId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setObject(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** {insurance sum, patient sum, entry count} recomputed from the entries. */
    public BigDecimal[] sums(UUID accountId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SUMS)) {
                s.setObject(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new BigDecimal[] {rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2),
                            rs.getBigDecimal(3)};
                }
            }
        });
    }

    /** {insurance, patient} open on one claim. */
    public BigDecimal[] claimSums(UUID claimId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM_SUMS)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new BigDecimal[] {rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2)};
                }
            }
        });
    }

    public LocalDate oldestOpen(UUID accountId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(OLDEST_OPEN)) {
                s.setObject(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Date d = rs.getDate(1);
                    return d == null ? null : d.toLocalDate();
                }
            }
        });
    }

    public record OpenClaim(UUID claimId, BigDecimal open) {
    }

    public List<OpenClaim> patientOpenClaims(UUID accountId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(PATIENT_OPEN_CLAIMS)) {
                s.setObject(1, accountId);
                List<OpenClaim> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OpenClaim(rs.getObject(1, UUID.class), rs.getBigDecimal(2).setScale(2)));
                    }
                }
                return out;
            }
        });
    }

    public List<Account> credits(String practiceId, int limit, int offset) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(CREDITS)) {
                s.setString(1, practiceId);
                s.setInt(2, limit);
                s.setInt(3, offset);
                return accounts(s);
            }
        });
    }

    public long countCredits(String practiceId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT_CREDITS)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static final String SUMS_BY_CLAIM = """
            SELECT claim_id, coalesce(sum(insurance_delta), 0), coalesce(sum(patient_delta), 0)
            FROM ledger_entry WHERE account_id = ? GROUP BY claim_id""";
    static final String MOVE_CLAIMS = "UPDATE claim SET account_id = ? WHERE account_id = ?";
    static final String INSERT_WRITE_OFF = """
            INSERT INTO write_off_request (id, account_id, kind, entry_ids) VALUES (?, ?, ?, ?::uuid[])
            ON CONFLICT (id) DO NOTHING""";
    static final String FIND_WRITE_OFF = "SELECT account_id, kind, entry_ids, reversed_by FROM write_off_request WHERE id = ? FOR UPDATE";
    static final String REVERSE_WRITE_OFF = "UPDATE write_off_request SET reversed_by = ? WHERE id = ? AND reversed_by IS NULL";

    public record ClaimSums(UUID claimId, BigDecimal insurance, BigDecimal patient) {
    }

    public List<ClaimSums> sumsByClaim(UUID accountId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SUMS_BY_CLAIM)) {
                s.setObject(1, accountId);
                List<ClaimSums> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ClaimSums(rs.getObject(1, UUID.class), rs.getBigDecimal(2).setScale(2),
                                rs.getBigDecimal(3).setScale(2)));
                    }
                }
                return out;
            }
        });
    }

    public void moveClaims(UUID from, UUID to) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement(MOVE_CLAIMS)) {
                s.setObject(1, to);
                s.setObject(2, from);
                return s.executeUpdate();
            }
        });
    }

    public record WriteOffRecord(UUID accountId, String kind, List<UUID> entryIds, UUID reversedBy) {
    }

    /** @return false when the request was recorded before */
    public boolean recordWriteOff(UUID requestId, UUID accountId, String kind, List<UUID> entryIds) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_WRITE_OFF)) {
                s.setObject(1, requestId);
                s.setObject(2, accountId);
                s.setString(3, kind);
                s.setArray(4, c.createArrayOf("text", entryIds.stream().map(UUID::toString).toArray()));
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<WriteOffRecord> writeOff(UUID requestId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_WRITE_OFF)) {
                s.setObject(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<UUID> ids = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(3).getArray()) {
                        ids.add(o instanceof UUID u ? u : UUID.fromString(o.toString()));
                    }
                    return Optional.of(new WriteOffRecord(rs.getObject(1, UUID.class), rs.getString(2), ids,
                            rs.getObject(4, UUID.class)));
                }
            }
        });
    }

    public boolean markWriteOffReversed(UUID requestId, UUID reversalRequestId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement(REVERSE_WRITE_OFF)) {
                s.setObject(1, reversalRequestId);
                s.setObject(2, requestId);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Optional<Account> one(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            return accounts(s).stream().findFirst();
        }
    }

    private static List<Account> accounts(PreparedStatement s) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Date oldest = rs.getDate(7);
                out.add(new Account(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6).setScale(2),
                        oldest == null ? null : oldest.toLocalDate(), rs.getObject(8, UUID.class), rs.getLong(9),
                        rs.getLong(10)));
            }
        }
        return out;
    }

    private static List<PostedEntry> entries(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            return entries(s);
        }
    }

    private static List<PostedEntry> entries(PreparedStatement s) throws SQLException {
        List<PostedEntry> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String group = rs.getString(11);
                String carc = rs.getString(12);
                String rarc = rs.getString(13);
                out.add(new PostedEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        EntryType.valueOf(rs.getString(4)), rs.getBigDecimal(5), Responsibility.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                        group == null && carc == null && rarc == null ? null : new ReasonCode(group, carc, rarc),
                        rs.getString(14), EntrySource.valueOf(rs.getString(15)), rs.getString(16),
                        rs.getObject(17, UUID.class), rs.getString(18), rs.getObject(19, UUID.class),
                        rs.getDate(20).toLocalDate(), rs.getTimestamp(21).toInstant(), rs.getString(22),
                        rs.getObject(23, UUID.class)));
            }
        }
        return out;
    }

    static void setNullable(PreparedStatement s, int i, Object value, int type) throws SQLException {
        if (value == null) {
            s.setNull(i, type);
        } else {
            s.setObject(i, value);
        }
    }

    static final int UUID_TYPE = Types.OTHER;
}
