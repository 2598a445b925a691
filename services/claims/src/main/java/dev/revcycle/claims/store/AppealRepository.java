package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.appeal.Appeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Appeals and the payers' appeal deadlines (V71). */
@ApplicationScoped
public class AppealRepository {
    /** The claim's adjudication facts, its row locked: one appeal filing at a time per claim. */
    public static final String CLAIM_FOR_APPEAL = """
            SELECT status, payer_id, total_charge, paid_amount, adjudicated_at, payer_claim_control_number
            FROM claim WHERE id = ? FOR UPDATE""";
    public static final String OPEN_OF_CLAIM = "SELECT id FROM appeal WHERE claim_id = ? AND status = 'OPEN'";
    public static final String DEADLINE_DAYS = "SELECT days FROM payer_appeal_deadline WHERE practice_id = ? AND payer_id = ?";
    public static final String INSERT = """
            INSERT INTO appeal (id, claim_id, practice_id, payer_id, status, claim_status, reason, letter, charge, paid,
                expected, disputed, adjudicated_on, deadline_days, deadline, filed_by, filed_at, version)
            VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
    public static final String BY_ID = "SELECT * FROM appeal WHERE id = ?";
    public static final String DECIDE = """
            UPDATE appeal SET status = ?, outcome_note = ?, decided_by = ?, decided_at = ?, version = version + 1
            WHERE id = ? AND status = 'OPEN'""";
    /** Open appeals of a practice by deadline, up to a day (far in the future for all), at most a page. */
    public static final String DUE = """
            SELECT * FROM appeal WHERE practice_id = ? AND status = 'OPEN' AND deadline <= ?
            ORDER BY deadline, id LIMIT ?""";
    public static final String UPSERT_DEADLINE = """
            INSERT INTO payer_appeal_deadline (practice_id, payer_id, days, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (practice_id, payer_id) DO UPDATE SET days = EXCLUDED.days, updated_by = EXCLUDED.updated_by,
                updated_at = EXCLUDED.updated_at""";
    public static final String DEADLINES = """
            SELECT payer_id, days, updated_by, updated_at FROM payer_appeal_deadline WHERE practice_id = ?
            ORDER BY payer_id LIMIT 1000""";
    public static final String LATEST_ADJUSTMENTS = """
            SELECT a.claim_adjustments::text, (SELECT string_agg(l.adjustments::text, '|') FROM claim_adjudication_line l
                                               WHERE l.adjudication_id = a.id)
            FROM claim_adjudication a WHERE a.claim_id = ? ORDER BY a.received_at DESC, a.id LIMIT 1""";

    @Inject
    Jdbc jdbc;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** What an appeal needs of its claim. {@code adjudicatedOn} null when never adjudicated. */
    public record ClaimFacts(ClaimStatus status, UUID payerId, BigDecimal charge, BigDecimal paid,
                             LocalDate adjudicatedOn, String payerClaimControlNumber) {
    }

    public Optional<ClaimFacts> lockClaim(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM_FOR_APPEAL)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ClaimFacts>empty();
                    }
                    Timestamp at = rs.getTimestamp("adjudicated_at");
                    BigDecimal paid = rs.getBigDecimal("paid_amount");
                    return Optional.of(new ClaimFacts(ClaimStatus.valueOf(rs.getString("status")), Jdbc.uuid(rs, "payer_id"),
                            rs.getBigDecimal("total_charge"), paid == null ? BigDecimal.ZERO.setScale(2) : paid,
                            at == null ? null : at.toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                            rs.getString("payer_claim_control_number")));
                }
            }
        });
    }

    /** The payer's claim control number of a claim, without a lock. */
    public String payerClaimNumber(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(StatusInquiryRepository.PAYER_CLAIM_NUMBER)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public Optional<UUID> openOf(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(OPEN_OF_CLAIM)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            }
        });
    }

    public Integer deadlineDays(String practiceId, UUID payerId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DEADLINE_DAYS)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : null;
                }
            }
        });
    }

    public void insert(Appeal a) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, a.id());
                s.setObject(2, a.claimId());
                s.setString(3, a.practiceId());
                s.setObject(4, a.payerId());
                s.setString(5, a.claimStatus().name());
                s.setString(6, a.reason());
                s.setString(7, a.letter());
                s.setBigDecimal(8, a.charge());
                s.setBigDecimal(9, a.paid());
                s.setBigDecimal(10, a.expected());
                s.setBigDecimal(11, a.disputed());
                Jdbc.date(s, 12, a.adjudicatedOn());
                s.setInt(13, a.deadlineDays());
                Jdbc.date(s, 14, a.deadline());
                s.setString(15, a.filedBy());
                s.setTimestamp(16, Timestamp.from(a.filedAt()));
                return s.executeUpdate();
            }
        });
    }

    public Optional<Appeal> find(UUID id) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_ID)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Appeal>empty();
                }
            }
        });
    }

    /** OPEN → the outcome; false when the appeal was not OPEN any more. */
    public boolean decide(UUID id, Appeal.Status outcome, String note, String by, Instant at) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DECIDE)) {
                s.setString(1, outcome.name());
                s.setString(2, note);
                s.setString(3, by);
                s.setTimestamp(4, Timestamp.from(at));
                s.setObject(5, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public List<Appeal> due(String practiceId, LocalDate until, int limit) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DUE)) {
                s.setString(1, practiceId);
                Jdbc.date(s, 2, until);
                s.setInt(3, limit);
                List<Appeal> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public void setDeadline(String practiceId, UUID payerId, int days, String by, Instant at) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_DEADLINE)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                s.setInt(3, days);
                s.setString(4, by);
                s.setTimestamp(5, Timestamp.from(at));
                return s.executeUpdate();
            }
        });
    }

    public List<dev.revcycle.claims.domain.appeal.PayerDeadline> deadlines(String practiceId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DEADLINES)) {
                s.setString(1, practiceId);
                List<dev.revcycle.claims.domain.appeal.PayerDeadline> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new dev.revcycle.claims.domain.appeal.PayerDeadline(Jdbc.uuid(rs, "payer_id"), rs.getInt("days"), rs.getString("updated_by"),
                                rs.getTimestamp("updated_at").toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** The CAS group-reason pairs (CO-197 …) of the claim's latest adjudication, claim level then lines. */
    public List<String> latestAdjustmentCodes(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(LATEST_ADJUSTMENTS)) {
                s.setObject(1, claimId);
                Set<String> codes = new LinkedHashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        collect(rs.getString(1), codes);
                        String lines = rs.getString(2);
                        if (lines != null) {
                            for (String line : lines.split("\\|")) {
                                collect(line, codes);
                            }
                        }
                    }
                }
                return List.copyOf(codes);
            }
        });
    }

    private void collect(String adjustments, Set<String> codes) throws SQLException {
        if (adjustments == null) {
            return;
        }
        try {
            for (var a : json.readTree(adjustments)) {
                codes.add(a.path("groupCode").asText() + "-" + a.path("reasonCode").asText());
            }
        } catch (java.io.IOException e) {
            throw new SQLException("adjustments are not readable", e);
        }
    }

    private static Appeal read(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Appeal(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "claim_id"), rs.getString("practice_id"),
                Jdbc.uuid(rs, "payer_id"), Appeal.Status.valueOf(rs.getString("status")),
                ClaimStatus.valueOf(rs.getString("claim_status")), rs.getString("reason"), rs.getString("letter"),
                rs.getBigDecimal("charge"), rs.getBigDecimal("paid"), rs.getBigDecimal("expected"),
                rs.getBigDecimal("disputed"), Jdbc.date(rs, "adjudicated_on"), rs.getInt("deadline_days"),
                Jdbc.date(rs, "deadline"), rs.getString("outcome_note"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("filed_by"),
                rs.getTimestamp("filed_at").toInstant(), rs.getLong("version"));
    }
}
