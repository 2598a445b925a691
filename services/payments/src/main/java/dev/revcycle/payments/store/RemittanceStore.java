package dev.revcycle.payments.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revcycle.payments.store.ClaimStore.KnownClaim;
import dev.revcycle.payments.store.CoverageStore.KnownCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remittances (835 transactions), their per-claim results, the unapplied-cash queue and the provider-level (PLB)
 * books: plain SQL in the caller's transaction. Lookups over a whole file are one statement each (arrays), not one
 * round trip per claim.
 */
@ApplicationScoped
public class RemittanceStore {
    static final String REMITTANCE_COLUMNS = "id, practice_id, payer_id, trace_number, payer_name, payment_amount, "
            + "payment_date, source, source_reference, received_by, received_at, answer";
    static final String INSERT = """
            INSERT INTO remittance (id, practice_id, payer_id, trace_number, payer_name, payment_amount, payment_date,
                source, source_reference, received_by, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payer_id, trace_number) DO NOTHING""";
    static final String FIND = "SELECT " + REMITTANCE_COLUMNS + " FROM remittance WHERE id = ?";
    static final String FIND_TRACE = "SELECT " + REMITTANCE_COLUMNS + " FROM remittance WHERE payer_id = ? AND trace_number = ?";
    static final String SET_ANSWER = "UPDATE remittance SET answer = ?::jsonb WHERE id = ?";
    static final String CLAIMS_BY_PCN = "SELECT " + ClaimStore.CLAIM_COLUMNS
            + " FROM claim WHERE practice_id = ? AND patient_control_number = ANY (?::text[])";
    static final String CLAIMS_BY_PCN_ANY_PRACTICE = "SELECT " + ClaimStore.CLAIM_COLUMNS
            + " FROM claim WHERE patient_control_number = ANY (?::text[])";
    static final String LINES_OF_CLAIMS = """
            SELECT claim_id, id, line_number, procedure_code, service_date FROM claim_line
            WHERE claim_id = ANY (?::uuid[]) AND current ORDER BY claim_id, line_number""";
    static final String COVERAGES_OF_PATIENTS = """
            SELECT patient_id, id, x12_payer_id, priority, effective_date, termination_date FROM coverage
            WHERE practice_id = ? AND patient_id = ANY (?::uuid[])""";
    static final String INSERT_CLAIM = """
            INSERT INTO remittance_claim (remittance_id, position, patient_control_number, payer_claim_control_number,
                status_code, claim_id, account_id, outcome, unapplied_id, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";
    static final String CLAIMS_PAGE = """
            SELECT result FROM remittance_claim WHERE remittance_id = ? ORDER BY position LIMIT ? OFFSET ?""";
    static final String COUNT_CLAIMS = "SELECT count(*) FROM remittance_claim WHERE remittance_id = ?";
    static final String UPDATE_CLAIM = """
            UPDATE remittance_claim SET outcome = ?, claim_id = ?, account_id = ?, result = ?::jsonb
            WHERE remittance_id = ? AND position = ?""";
    static final String UNAPPLIED_COLUMNS = "id, remittance_id, position, practice_id, payer_id, payer_name, trace_number, "
            + "amount, patient_control_number, payer_claim_control_number, status_code, reason, paid_date, clp, created_at, "
            + "applied_at, applied_by, applied_account_id, applied_claim_id";
    static final String INSERT_UNAPPLIED = "INSERT INTO unapplied_cash (id, remittance_id, position, practice_id, payer_id, "
            + "payer_name, trace_number, amount, patient_control_number, payer_claim_control_number, status_code, reason, "
            + "paid_date, clp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
    static final String UNAPPLIED_OPEN = "SELECT " + UNAPPLIED_COLUMNS + " FROM unapplied_cash "
            + "WHERE practice_id = ? AND applied_at IS NULL ORDER BY created_at, id LIMIT ? OFFSET ?";
    static final String UNAPPLIED_BY_TRACE = "SELECT " + UNAPPLIED_COLUMNS + " FROM unapplied_cash "
            + "WHERE practice_id = ? AND trace_number = ? AND applied_at IS NULL "
            + "ORDER BY payer_id, created_at, id LIMIT ? OFFSET ?";
    static final String UNAPPLIED_BY_TRACE_PAYER = "SELECT " + UNAPPLIED_COLUMNS + " FROM unapplied_cash "
            + "WHERE practice_id = ? AND trace_number = ? AND payer_id = ? AND applied_at IS NULL "
            + "ORDER BY created_at, id LIMIT ? OFFSET ?";
    static final String UNAPPLIED_BY_PAYER = "SELECT " + UNAPPLIED_COLUMNS + " FROM unapplied_cash "
            + "WHERE practice_id = ? AND payer_id = ? AND applied_at IS NULL "
            + "ORDER BY created_at, id LIMIT ? OFFSET ?";
    static final String LOCK_UNAPPLIED = "SELECT " + UNAPPLIED_COLUMNS + " FROM unapplied_cash WHERE id = ? FOR UPDATE";
    static final String MARK_APPLIED = """
            UPDATE unapplied_cash SET applied_at = ?, applied_by = ?, applied_account_id = ?, applied_claim_id = ?
            WHERE id = ? AND applied_at IS NULL""";
    static final String INSERT_PLB = """
            INSERT INTO plb_entry (id, remittance_id, practice_id, provider_id, fiscal_period, reason_code, reference, amount,
                effective_date, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String PLB_OF_REMITTANCE = """
            SELECT reason_code, reference, amount, effective_date, provider_id, fiscal_period FROM plb_entry
            WHERE remittance_id = ? ORDER BY reason_code, id""";

    /** JSON of the stored answers and CLP loops (its own mapper: dates as ISO strings, unknown fields ignored). */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record StoredRemittance(UUID id, String practiceId, String payerId, String traceNumber, String payerName,
                                   BigDecimal paymentAmount, LocalDate paymentDate, String source, String sourceReference,
                                   String receivedBy, Instant receivedAt, String answer) {
    }

    public record ClaimRow(int position, String patientControlNumber, String payerClaimControlNumber, String statusCode,
                           UUID claimId, UUID accountId, String outcome, UUID unappliedId, Object result) {
    }

    public record UnappliedRow(UUID id, UUID remittanceId, int position, String practiceId, String payerId, String payerName,
                               String traceNumber, BigDecimal amount, String patientControlNumber,
                               String payerClaimControlNumber, String statusCode, String reason, LocalDate paidDate,
                               String clp, Instant createdAt, Instant appliedAt, String appliedBy, UUID appliedAccountId,
                               UUID appliedClaimId) {
        /** CLP01 and the CLP loop are identifiers of a patient's claim: not shown in logs. */
        @Override
        public String toString() {
            return "UnappliedRow[" + id + ", " + amount + "]";
        }
    }

    public record PlbRow(UUID id, UUID remittanceId, String practiceId, String providerId, LocalDate fiscalPeriod,
                         String reasonCode, String reference, BigDecimal amount, LocalDate effectiveDate, Instant postedAt) {
    }

    public record LineRow(UUID claimId, UUID lineId, int number, String procedureCode, LocalDate serviceDate) {
    }

    @Inject
    LedgerStore ledger;

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    /** @return false when (payer, trace) is posted already (the row of the first posting stays) */
    public boolean insert(StoredRemittance r) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, r.id());
                s.setString(2, r.practiceId());
                s.setString(3, r.payerId());
                s.setString(4, r.traceNumber());
                s.setString(5, r.payerName());
                s.setBigDecimal(6, r.paymentAmount());
                s.setObject(7, r.paymentDate());
                s.setString(8, r.source());
                s.setString(9, r.sourceReference());
                s.setString(10, r.receivedBy());
                s.setTimestamp(11, Timestamp.from(r.receivedAt()));
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<StoredRemittance> find(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setObject(1, id);
                return remittance(s);
            }
        });
    }

    public Optional<StoredRemittance> findByTrace(String payerId, String traceNumber) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_TRACE)) {
                s.setString(1, payerId);
                s.setString(2, traceNumber);
                return remittance(s);
            }
        });
    }

    public void setAnswer(UUID id, Object answer) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SET_ANSWER)) {
                s.setString(1, json(answer));
                s.setObject(2, id);
                return s.executeUpdate();
            }
        });
    }

    /** The claims with these patient control numbers: in one practice, or in any when {@code practiceId} is null. */
    public List<KnownClaim> claimsByPatientControlNumbers(String practiceId, Collection<String> pcns) {
        if (pcns.isEmpty()) {
            return List.of();
        }
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(practiceId == null ? CLAIMS_BY_PCN_ANY_PRACTICE : CLAIMS_BY_PCN)) {
                int i = 1;
                if (practiceId != null) {
                    s.setString(i++, practiceId);
                }
                s.setArray(i, c.createArrayOf("text", pcns.toArray()));
                List<KnownClaim> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date d = rs.getDate(9);
                        out.add(new KnownClaim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                                rs.getString(7), rs.getBoolean(8), d == null ? null : d.toLocalDate(), rs.getLong(10)));
                    }
                }
                return out;
            }
        });
    }

    /** The current lines of these claims, by claim, in line order. */
    public Map<UUID, List<LineRow>> lines(Collection<UUID> claimIds) {
        Map<UUID, List<LineRow>> out = new HashMap<>();
        if (claimIds.isEmpty()) {
            return out;
        }
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(LINES_OF_CLAIMS)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID claim = rs.getObject(1, UUID.class);
                        out.computeIfAbsent(claim, k -> new ArrayList<>()).add(new LineRow(claim, rs.getObject(2, UUID.class),
                                rs.getInt(3), rs.getString(4), rs.getDate(5).toLocalDate()));
                    }
                }
                return out;
            }
        });
    }

    /** The coverages of these patients at the practice, by patient. */
    public Map<UUID, List<KnownCoverage>> coverages(String practiceId, Collection<UUID> patientIds) {
        Map<UUID, List<KnownCoverage>> out = new HashMap<>();
        if (patientIds.isEmpty()) {
            return out;
        }
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(COVERAGES_OF_PATIENTS)) {
                s.setString(1, practiceId);
                s.setArray(2, c.createArrayOf("uuid", patientIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date e = rs.getDate(5);
                        java.sql.Date t = rs.getDate(6);
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new KnownCoverage(
                                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                e == null ? null : e.toLocalDate(), t == null ? null : t.toLocalDate()));
                    }
                }
                return out;
            }
        });
    }

    public void insertClaims(UUID remittanceId, List<ClaimRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_CLAIM)) {
                for (ClaimRow r : rows) {
                    s.setObject(1, remittanceId);
                    s.setInt(2, r.position());
                    s.setString(3, r.patientControlNumber());
                    s.setString(4, r.payerClaimControlNumber());
                    s.setString(5, r.statusCode());
                    s.setObject(6, r.claimId());
                    s.setObject(7, r.accountId());
                    s.setString(8, r.outcome());
                    s.setObject(9, r.unappliedId());
                    s.setString(10, json(r.result()));
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            }
        });
    }

    public <T> List<T> claims(UUID remittanceId, int limit, int offset, Class<T> type) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIMS_PAGE)) {
                s.setObject(1, remittanceId);
                s.setInt(2, limit);
                s.setInt(3, offset);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs.getString(1), type));
                    }
                }
                return out;
            }
        });
    }

    public long countClaims(UUID remittanceId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT_CLAIMS)) {
                s.setObject(1, remittanceId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void updateClaim(UUID remittanceId, int position, String outcome, UUID claimId, UUID accountId, Object result) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE_CLAIM)) {
                s.setString(1, outcome);
                s.setObject(2, claimId);
                s.setObject(3, accountId);
                s.setString(4, json(result));
                s.setObject(5, remittanceId);
                s.setInt(6, position);
                return s.executeUpdate();
            }
        });
    }

    public void insertUnapplied(List<UnappliedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_UNAPPLIED)) {
                for (UnappliedRow r : rows) {
                    int i = 1;
                    s.setObject(i++, r.id());
                    s.setObject(i++, r.remittanceId());
                    s.setInt(i++, r.position());
                    s.setString(i++, r.practiceId());
                    s.setString(i++, r.payerId());
                    s.setString(i++, r.payerName());
                    s.setString(i++, r.traceNumber());
                    s.setBigDecimal(i++, r.amount());
                    s.setString(i++, r.patientControlNumber());
                    s.setString(i++, r.payerClaimControlNumber());
                    s.setString(i++, r.statusCode());
                    s.setString(i++, r.reason());
                    s.setObject(i++, r.paidDate());
                    s.setString(i++, r.clp());
                    s.setTimestamp(i, Timestamp.from(r.createdAt()));
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            }
        });
    }

    /** Open items of a practice, optionally of one trace number and/or payer (TRN03), oldest first, a page. */
    public List<UnappliedRow> unapplied(String practiceId, String traceNumber, String payerId, int limit, int offset) {
        String sql = traceNumber != null ? (payerId != null ? UNAPPLIED_BY_TRACE_PAYER : UNAPPLIED_BY_TRACE)
                : payerId != null ? UNAPPLIED_BY_PAYER : UNAPPLIED_OPEN;
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, practiceId);
                if (traceNumber != null) {
                    s.setString(i++, traceNumber);
                }
                if (payerId != null) {
                    s.setString(i++, payerId);
                }
                s.setInt(i++, limit);
                s.setInt(i, offset);
                return unapplied(s);
            }
        });
    }

    public Optional<UnappliedRow> lockUnapplied(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(LOCK_UNAPPLIED)) {
                s.setObject(1, id);
                return unapplied(s).stream().findFirst();
            }
        });
    }

    public boolean markApplied(UUID id, Instant at, String by, UUID accountId, UUID claimId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(MARK_APPLIED)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, by);
                s.setObject(3, accountId);
                s.setObject(4, claimId);
                s.setObject(5, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public void insertPlb(List<PlbRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_PLB)) {
                for (PlbRow r : rows) {
                    s.setObject(1, r.id());
                    s.setObject(2, r.remittanceId());
                    s.setString(3, r.practiceId());
                    s.setString(4, r.providerId());
                    s.setObject(5, r.fiscalPeriod());
                    s.setString(6, r.reasonCode());
                    s.setString(7, r.reference());
                    s.setBigDecimal(8, r.amount());
                    s.setObject(9, r.effectiveDate());
                    s.setTimestamp(10, Timestamp.from(r.postedAt()));
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            }
        });
    }

    private static Optional<StoredRemittance> remittance(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredRemittance(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getBigDecimal(6).setScale(2), rs.getDate(7).toLocalDate(),
                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12)));
        }
    }

    private static List<UnappliedRow> unapplied(PreparedStatement s) throws SQLException {
        List<UnappliedRow> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp applied = rs.getTimestamp(16);
                out.add(new UnappliedRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8).setScale(2),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getDate(13).toLocalDate(),
                        rs.getString(14), rs.getTimestamp(15).toInstant(), applied == null ? null : applied.toInstant(),
                        rs.getString(17), rs.getObject(18, UUID.class), rs.getObject(19, UUID.class)));
            }
        }
        return out;
    }

    public List<PlbRow> plbOf(UUID remittanceId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(PLB_OF_REMITTANCE)) {
                s.setObject(1, remittanceId);
                List<PlbRow> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date fiscal = rs.getDate(6);
                        out.add(new PlbRow(null, remittanceId, null, rs.getString(5),
                                fiscal == null ? null : fiscal.toLocalDate(), rs.getString(1), rs.getString(2),
                                rs.getBigDecimal(3).setScale(2), rs.getDate(4).toLocalDate(), null));
                    }
                }
                return out;
            }
        });
    }
}
