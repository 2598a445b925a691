package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.pricing.Estimate;
import dev.revcycle.claims.domain.pricing.AdjudicatedVisit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.pricing.PatientResponsibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Estimates (V78) and the adjudicated claim an estimate is compared with. */
@ApplicationScoped
public class EstimateRepository {
    static final String INSERT = """
            INSERT INTO estimate (id, practice_id, patient_id, coverage_id, payer_id, eligibility_check_id, service_date,
                lines, total_charge, total_allowed, total_patient_responsibility, assumptions, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)""";
    public static final String BY_ID = "SELECT id, practice_id, patient_id, coverage_id, payer_id, eligibility_check_id,"
            + " service_date, lines, assumptions, created_at FROM estimate WHERE id = ?";
    /**
     * The patient's newest primary claim whose first date of service is the estimate's, of the same coverage (or
     * self-pay for both), with its latest adjudication when that is not a reversal. One patient's claims at most.
     */
    public static final String ADJUDICATED_CLAIM = """
            SELECT c.id AS claim_id, a.id AS adjudication_id, a.outcome, a.received_at, a.patient_responsibility, a.paid
            FROM claim c
            JOIN LATERAL (SELECT id, outcome, received_at, patient_responsibility, paid FROM claim_adjudication
                          WHERE claim_id = c.id ORDER BY received_at DESC, id DESC LIMIT 1) a ON true
            WHERE c.patient_id = ? AND c.first_service_date = ? AND c.coverage_id IS NOT DISTINCT FROM ?
              AND c.primary_claim_id IS NULL AND a.outcome <> 'REOPENED'
            ORDER BY c.status_changed_at DESC, c.id DESC LIMIT 1""";
    public static final String ADJUDICATED_LINES = "SELECT procedure_code, allowed, paid, patient_responsibility"
            + " FROM claim_adjudication_line WHERE adjudication_id = ? ORDER BY line_number";

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    public void insert(Estimate e, PatientResponsibility.Estimated estimated, String actor) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, e.id());
                s.setString(2, e.practiceId());
                s.setObject(3, e.patientId());
                Jdbc.uuid(s, 4, e.coverageId());
                Jdbc.uuid(s, 5, e.payerId());
                Jdbc.uuid(s, 6, e.eligibilityCheckId());
                Jdbc.date(s, 7, e.serviceDate());
                s.setString(8, write(e.lines()));
                s.setBigDecimal(9, estimated.totalCharge());
                s.setBigDecimal(10, estimated.totalAllowed());
                s.setBigDecimal(11, estimated.totalPatientResponsibility());
                s.setString(12, write(e.assumptions()));
                s.setTimestamp(13, Timestamp.from(e.createdAt()));
                s.setString(14, actor);
                return s.executeUpdate();
            }
        });
    }

    public Estimate find(UUID id) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_ID)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Estimate(id, rs.getString("practice_id"), rs.getObject("patient_id", UUID.class),
                            rs.getObject("coverage_id", UUID.class), rs.getObject("payer_id", UUID.class),
                            rs.getObject("eligibility_check_id", UUID.class), Jdbc.date(rs, "service_date"),
                            read(rs.getString("lines"), new TypeReference<List<PatientResponsibility.Line>>() { }),
                            read(rs.getString("assumptions"), new TypeReference<List<String>>() { }),
                            rs.getTimestamp("created_at").toInstant());
                }
            }
        });
    }

    /** The adjudicated claim of the estimate's patient, date and coverage, or null while there is none. */
    public AdjudicatedVisit actual(UUID patientId, LocalDate serviceDate, UUID coverageId) {
        return jdbc.work(c -> {
            UUID claimId;
            UUID adjudicationId;
            String outcome;
            Instant at;
            BigDecimal patient;
            BigDecimal paid;
            try (PreparedStatement s = c.prepareStatement(ADJUDICATED_CLAIM)) {
                s.setObject(1, patientId);
                Jdbc.date(s, 2, serviceDate);
                if (coverageId == null) {
                    s.setNull(3, Types.OTHER);
                } else {
                    s.setObject(3, coverageId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    claimId = rs.getObject("claim_id", UUID.class);
                    adjudicationId = rs.getObject("adjudication_id", UUID.class);
                    outcome = rs.getString("outcome");
                    at = rs.getTimestamp("received_at").toInstant();
                    patient = rs.getBigDecimal("patient_responsibility");
                    paid = rs.getBigDecimal("paid");
                }
            }
            List<AdjudicatedVisit.Line> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ADJUDICATED_LINES)) {
                s.setObject(1, adjudicationId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new AdjudicatedVisit.Line(rs.getString("procedure_code"), rs.getBigDecimal("allowed"),
                                rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility")));
                    }
                }
            }
            return new AdjudicatedVisit(claimId, adjudicationId, outcome, at, patient, paid, lines);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("estimate not writable as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("estimate not readable", e);
        }
    }
}
