package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.pricing.ListedUnderpayment;
import dev.revcycle.claims.domain.pricing.UnderpaymentTotal;
import dev.revcycle.claims.domain.pricing.Underpayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Underpayments (V77) and what their detection reads of an adjudication (V61). The list is a range of
 * {@code underpayment_by_practice} / {@code underpayment_by_payer} into its LIMIT, the summary an index-only range of
 * {@code underpayment_by_service_date}.
 */
@ApplicationScoped
public class UnderpaymentRepository {
    public static final String ADJUDICATION = "SELECT a.claim_id, a.practice_id, a.outcome, c.payer_id, c.primary_claim_id"
            + " FROM claim_adjudication a JOIN claim c ON c.id = a.claim_id WHERE a.id = ?";
    public static final String ADJUDICATION_LINES = "SELECT line_number, procedure_code, modifiers, service_date, allowed,"
            + " paid FROM claim_adjudication_line WHERE adjudication_id = ? ORDER BY line_number";
    /** Of these claims, those with current (not superseded) underpayments: index underpayment_by_claim. */
    public static final String CLAIMS_WITH_CURRENT = "SELECT DISTINCT claim_id FROM underpayment"
            + " WHERE claim_id = ANY(?::uuid[]) AND superseded_at IS NULL";
    public static final String SUPERSEDE = "UPDATE underpayment SET superseded_at = ? WHERE claim_id = ?"
            + " AND superseded_at IS NULL AND adjudication_id <> ?";
    static final String INSERT = """
            INSERT INTO underpayment (id, practice_id, payer_id, claim_id, adjudication_id, line_number, procedure_code,
                modifier, service_date, expected, actual, difference, paid, fee_schedule_version_id, tolerance, detected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (adjudication_id, line_number) DO NOTHING""";
    static final String COLUMNS = "id, practice_id, payer_id, claim_id, adjudication_id, line_number, procedure_code,"
            + " modifier, service_date, expected, actual, difference, paid, fee_schedule_version_id, tolerance, detected_at";
    static final String FROM = " FROM underpayment WHERE practice_id = ? AND superseded_at IS NULL";
    static final String ORDER = " ORDER BY detected_at DESC, id DESC LIMIT ?";
    static final String AFTER = " AND (detected_at, id) < (?, ?)";
    /** The patient control numbers of a page's claims (a billing rep finds a claim by it). */
    public static final String CONTROL_NUMBERS = "SELECT id, patient_control_number FROM claim WHERE id = ANY(?::uuid[])";
    public static final String PAGE = "SELECT " + COLUMNS + FROM + ORDER;
    public static final String PAGE_AFTER = "SELECT " + COLUMNS + FROM + AFTER + ORDER;
    public static final String PAGE_PAYER = "SELECT " + COLUMNS + FROM + " AND payer_id = ?" + ORDER;
    public static final String PAGE_PAYER_AFTER = "SELECT " + COLUMNS + FROM + " AND payer_id = ?" + AFTER + ORDER;
    public static final String SUMMARY = """
            SELECT payer_id, procedure_code, count(*) AS lines, sum(expected) AS expected, sum(actual) AS actual,
                   sum(difference) AS difference
            FROM underpayment WHERE practice_id = ? AND superseded_at IS NULL AND service_date >= ? AND service_date <= ?
            GROUP BY payer_id, procedure_code ORDER BY sum(difference) DESC, payer_id, procedure_code""";

    @Inject
    Jdbc jdbc;

    /** An adjudication as its detection needs it. */
    public record Adjudicated(UUID claimId, String practiceId, String outcome, UUID payerId, UUID primaryClaimId,
                              List<AdjudicatedLine> lines) {
    }

    /** One line of it: the first modifier ("" when none) is the one contracted rates are keyed on. */
    public record AdjudicatedLine(int lineNumber, String procedureCode, String modifier, LocalDate serviceDate,
                                  BigDecimal allowed, BigDecimal paid) {
    }

    /** Where a page ends: the last row's detection time and id, opaque to clients (base64url). */
    public record Cursor(Instant detectedAt, UUID id) {
        public String encode() {
            String raw = detectedAt.getEpochSecond() + ":" + detectedAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service wrote */
        public static Cursor decode(String text) {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        }
    }

    public Adjudicated adjudication(UUID adjudicationId) {
        return jdbc.work(c -> {
            UUID claimId;
            String practiceId;
            String outcome;
            UUID payerId;
            UUID primary;
            try (PreparedStatement s = c.prepareStatement(ADJUDICATION)) {
                s.setObject(1, adjudicationId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    claimId = rs.getObject("claim_id", UUID.class);
                    practiceId = rs.getString("practice_id");
                    outcome = rs.getString("outcome");
                    payerId = rs.getObject("payer_id", UUID.class);
                    primary = rs.getObject("primary_claim_id", UUID.class);
                }
            }
            List<AdjudicatedLine> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ADJUDICATION_LINES)) {
                s.setObject(1, adjudicationId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Array mods = rs.getArray("modifiers");
                        String[] m = mods == null ? new String[0] : (String[]) mods.getArray();
                        lines.add(new AdjudicatedLine(rs.getInt("line_number"), rs.getString("procedure_code"),
                                m.length == 0 || m[0] == null ? "" : m[0], Jdbc.date(rs, "service_date"),
                                rs.getBigDecimal("allowed"), rs.getBigDecimal("paid")));
                    }
                }
            }
            return new Adjudicated(claimId, practiceId, outcome, payerId, primary, lines);
        });
    }

    /** A later adjudication of the claim replaces what earlier ones found. */
    public int supersede(UUID claimId, UUID currentAdjudicationId, Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(SUPERSEDE)) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setObject(2, claimId);
                s.setObject(3, currentAdjudicationId);
                return s.executeUpdate();
            }
        });
    }

    /** Inserts each (a redelivered adjudication's lines are there already and change nothing). */
    public void insert(List<Underpayment> found) {
        if (found.isEmpty()) {
            return;
        }
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (Underpayment u : found) {
                    s.setObject(1, u.id());
                    s.setString(2, u.practiceId());
                    s.setObject(3, u.payerId());
                    s.setObject(4, u.claimId());
                    s.setObject(5, u.adjudicationId());
                    s.setInt(6, u.lineNumber());
                    s.setString(7, u.procedureCode());
                    s.setString(8, u.modifier());
                    Jdbc.date(s, 9, u.serviceDate());
                    s.setBigDecimal(10, u.expected());
                    s.setBigDecimal(11, u.actual());
                    s.setBigDecimal(12, u.difference());
                    s.setBigDecimal(13, u.paid());
                    s.setObject(14, u.feeScheduleVersionId());
                    s.setBigDecimal(15, u.tolerance());
                    s.setTimestamp(16, Timestamp.from(u.detectedAt()));
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }

    /** Up to {@code limit} current underpayments of the practice (and payer), newest first, after the cursor. */
    public List<ListedUnderpayment> page(String practiceId, UUID payerId, Cursor after, int limit) {
        String sql = payerId == null ? (after == null ? PAGE : PAGE_AFTER) : (after == null ? PAGE_PAYER : PAGE_PAYER_AFTER);
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, practiceId);
                if (payerId != null) {
                    s.setObject(i++, payerId);
                }
                if (after != null) {
                    s.setTimestamp(i++, Timestamp.from(after.detectedAt()));
                    s.setObject(i++, after.id());
                }
                s.setInt(i, limit);
                List<Underpayment> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(underpayment(rs));
                    }
                }
                java.util.Map<UUID, String> numbers = new java.util.HashMap<>();
                if (!found.isEmpty()) {
                    try (PreparedStatement n = c.prepareStatement(CONTROL_NUMBERS)) {
                        n.setArray(1, c.createArrayOf("uuid", found.stream().map(Underpayment::claimId).distinct().toArray()));
                        try (ResultSet rs = n.executeQuery()) {
                            while (rs.next()) {
                                numbers.put(rs.getObject("id", UUID.class), rs.getString("patient_control_number"));
                            }
                        }
                    }
                }
                return found.stream().map(u -> new ListedUnderpayment(u, numbers.get(u.claimId()))).toList();
            }
        });
    }

    public List<UnderpaymentTotal> summary(String practiceId, LocalDate from, LocalDate to) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(SUMMARY)) {
                s.setString(1, practiceId);
                Jdbc.date(s, 2, from);
                Jdbc.date(s, 3, to);
                List<UnderpaymentTotal> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UnderpaymentTotal(rs.getObject("payer_id", UUID.class), rs.getString("procedure_code"),
                                rs.getLong("lines"), rs.getBigDecimal("expected"), rs.getBigDecimal("actual"),
                                rs.getBigDecimal("difference")));
                    }
                }
                return out;
            }
        });
    }

    private static Underpayment underpayment(ResultSet rs) throws SQLException {
        return new Underpayment(rs.getObject("id", UUID.class), rs.getString("practice_id"),
                rs.getObject("payer_id", UUID.class), rs.getObject("claim_id", UUID.class),
                rs.getObject("adjudication_id", UUID.class), rs.getInt("line_number"), rs.getString("procedure_code"),
                rs.getString("modifier"), Jdbc.date(rs, "service_date"), rs.getBigDecimal("expected"),
                rs.getBigDecimal("actual"), rs.getBigDecimal("difference"), rs.getBigDecimal("paid"),
                rs.getObject("fee_schedule_version_id", UUID.class), rs.getBigDecimal("tolerance"),
                rs.getTimestamp("detected_at").toInstant());
    }

    /** Of {@code claimIds}, those with current underpayments (a new adjudication of theirs supersedes them). */
    public java.util.Set<UUID> claimsWithCurrent(java.util.Collection<UUID> claimIds) {
        if (claimIds.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIMS_WITH_CURRENT)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.toArray()));
                java.util.Set<UUID> out = new java.util.HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }
}
