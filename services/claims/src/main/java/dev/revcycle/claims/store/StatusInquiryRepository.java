package dev.revcycle.claims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.StatusInquiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Answered claim status inquiries (V70), and the claims a status run asks about. */
@ApplicationScoped
public class StatusInquiryRepository {
    public static final String INSERT = """
            INSERT INTO claim_status_inquiry (id, claim_id, practice_id, trace_number, interchange_number, category_code,
                status_code, entity_code, description, statuses, status_date, charge, paid, paid_date, check_date,
                check_number, payer_claim_control_number, source, asked_by, asked_at, answered_at, x276, x277)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** A claim's inquiries, newest first, at most {@value #HISTORY_LIMIT}. */
    public static final String BY_CLAIM = """
            SELECT * FROM claim_status_inquiry WHERE claim_id = ? ORDER BY answered_at DESC, id LIMIT 200""";
    public static final int HISTORY_LIMIT = 200;
    /**
     * A status run's page of claims: sent (SUBMITTED/ACCEPTED) before the cutoff, no adjudication, no inquiry
     * answered since the cutoff, after the cursor, oldest first.
     */
    public static final String AWAITING_ANSWER = """
            SELECT c.id, c.status_changed_at FROM claim c
            WHERE c.practice_id = ? AND c.status IN ('SUBMITTED', 'ACCEPTED') AND c.status_changed_at < ?
              AND (c.status_changed_at, c.id) > (?, ?)
              AND NOT EXISTS (SELECT 1 FROM claim_adjudication a WHERE a.claim_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM claim_status_inquiry i WHERE i.claim_id = c.id AND i.answered_at >= ?)
            ORDER BY c.status_changed_at, c.id LIMIT ?""";
    public static final String PAYER_CLAIM_NUMBER = "SELECT payer_claim_control_number FROM claim WHERE id = ?";

    private static final TypeReference<List<StatusInquiry.Status>> STATUSES = new TypeReference<>() {
    };

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    /** A claim of the page of a run, and where the next page starts. */
    public record Candidate(UUID claimId, Instant statusChangedAt) {
    }

    public void insert(StatusInquiry i, long interchangeNumber, String x276, String x277) {
        String statuses = write(i.statuses());
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, i.id());
                s.setObject(2, i.claimId());
                s.setString(3, i.practiceId());
                s.setString(4, i.traceNumber());
                s.setLong(5, interchangeNumber);
                s.setString(6, i.categoryCode());
                s.setString(7, i.statusCode());
                s.setString(8, i.entityCode());
                s.setString(9, i.description());
                s.setString(10, statuses);
                Jdbc.date(s, 11, i.statusDate());
                s.setBigDecimal(12, i.charge());
                s.setBigDecimal(13, i.paid());
                Jdbc.date(s, 14, i.paidDate());
                Jdbc.date(s, 15, i.checkDate());
                s.setString(16, i.checkNumber());
                s.setString(17, i.payerClaimControlNumber());
                s.setString(18, i.source());
                s.setString(19, i.askedBy());
                s.setTimestamp(20, Timestamp.from(i.askedAt()));
                s.setTimestamp(21, Timestamp.from(i.answeredAt()));
                s.setString(22, x276);
                s.setString(23, x277);
                return s.executeUpdate();
            }
        });
    }

    public List<StatusInquiry> byClaim(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_CLAIM)) {
                s.setObject(1, claimId);
                List<StatusInquiry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public String payerClaimNumber(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(PAYER_CLAIM_NUMBER)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public List<Candidate> awaitingAnswer(String practiceId, Instant cutoff, Candidate after, int limit) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(AWAITING_ANSWER)) {
                s.setString(1, practiceId);
                s.setTimestamp(2, Timestamp.from(cutoff));
                s.setTimestamp(3, Timestamp.from(after == null ? Instant.EPOCH : after.statusChangedAt()));
                s.setObject(4, after == null ? new UUID(0, 0) : after.claimId());
                s.setTimestamp(5, Timestamp.from(cutoff));
                s.setInt(6, limit);
                List<Candidate> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    private StatusInquiry read(ResultSet rs) throws SQLException {
        List<StatusInquiry.Status> statuses;
        try {
            statuses = json.readValue(rs.getString("statuses"), STATUSES);
        } catch (JsonProcessingException e) {
            throw new SQLException("claim_status_inquiry.statuses is not readable", e);
        }
        return new StatusInquiry(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "claim_id"), rs.getString("practice_id"),
                rs.getString("trace_number"), rs.getString("category_code"), rs.getString("status_code"),
                rs.getString("entity_code"), rs.getString("description"), statuses, Jdbc.date(rs, "status_date"),
                rs.getBigDecimal("charge"), rs.getBigDecimal("paid"), Jdbc.date(rs, "paid_date"),
                Jdbc.date(rs, "check_date"), rs.getString("check_number"), rs.getString("payer_claim_control_number"),
                rs.getString("source"), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(),
                rs.getTimestamp("answered_at").toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write statuses", e);
        }
    }
}
