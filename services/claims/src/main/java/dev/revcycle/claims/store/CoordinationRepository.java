package dev.revcycle.claims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.PriorPayer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What claims made from another read of it: the earlier payer's latest adjudication (claim_adjudication, its lines),
 * the payer's claim control number of a replaced claim, the corrections and voids of a claim, the secondary claim
 * made for a coverage, the patient's other coverages. Every statement reads by a key (see
 * {@code CoordinationQueryPlansTest}); the batch ones take all the claims of a submission batch at once.
 */
@ApplicationScoped
public class CoordinationRepository {
    /** The latest adjudicating answer per claim (a REOPENED or RECORDED row is no payment to pass on). */
    static final String LATEST_ADJUDICATIONS = """
            SELECT DISTINCT ON (claim_id) id, claim_id, payer_claim_control_number, paid_date, charge, paid,
                   patient_responsibility, claim_adjustments
            FROM claim_adjudication
            WHERE claim_id = ANY(?::uuid[]) AND outcome IN ('PAID', 'PARTIALLY_PAID', 'DENIED')
            ORDER BY claim_id, received_at DESC, id DESC""";
    static final String ADJUDICATION_LINES = "SELECT adjudication_id, line_number, paid, adjustments"
            + " FROM claim_adjudication_line WHERE adjudication_id = ANY(?::uuid[]) ORDER BY adjudication_id, line_number";
    static final String CLAIM_LINKS = "SELECT id, coverage_id, primary_claim_id, payer_claim_control_number, total_charge"
            + " FROM claim WHERE id = ANY(?::uuid[])";
    static final String REPLACEMENTS = "SELECT id, frequency_code, status FROM claim WHERE replaces_claim_id = ?"
            + " ORDER BY created_at, id";
    static final String SECONDARY_FOR = "SELECT id FROM claim WHERE primary_claim_id = ? AND coverage_id = ?"
            + " AND replaces_claim_id IS NULL";
    static final String COVERAGES_OF_PATIENT = "SELECT id FROM known_coverage WHERE patient_id = ? AND practice_id = ?";
    /**
     * Of a batch's (patient, practice, coverage) triples, the coverages whose patient has another coverage in that
     * practice: only their claims can have a next payer. One statement per batch, each patient by its key.
     */
    public static final String WITH_OTHER_COVERAGE = """
            SELECT DISTINCT x.coverage_id FROM unnest(?::uuid[], ?::text[], ?::uuid[]) AS x(patient_id, practice_id, coverage_id)
            WHERE EXISTS (SELECT 1 FROM known_coverage k WHERE k.patient_id = x.patient_id
                          AND k.practice_id = x.practice_id AND k.id <> x.coverage_id)""";
    static final String SET_PAYER_CLAIM_CONTROL_NUMBER = "UPDATE claim SET payer_claim_control_number = ? WHERE id = ?";

    /** The adjudication an earlier payer gave a claim, without its coverage (the caller adds it). */
    public record Adjudication(UUID claimId, String payerClaimControlNumber, LocalDate paidDate, BigDecimal charge,
                               BigDecimal paid, BigDecimal patientResponsibility,
                               List<PriorPayer.Adjustment> claimAdjustments, List<PriorPayer.Line> lines) {
    }

    /** A claim's links: its coverage, the claim it follows, the payer's number for it, its charge. */
    public record Links(UUID claimId, UUID coverageId, UUID primaryClaimId, String payerClaimControlNumber,
                        BigDecimal totalCharge) {
    }

    /** A correction or void of a claim. */
    public record Replacement(UUID claimId, String frequencyCode, String status) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    public Map<UUID, Links> links(Collection<UUID> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM_LINKS)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.toArray()));
                Map<UUID, Links> out = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Links l = new Links(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "coverage_id"),
                                Jdbc.uuid(rs, "primary_claim_id"), rs.getString("payer_claim_control_number"),
                                rs.getBigDecimal("total_charge"));
                        out.put(l.claimId(), l);
                    }
                }
                return out;
            }
        });
    }

    /** The latest adjudication of each claim that has one, with its lines. Two statements whatever the number. */
    public Map<UUID, Adjudication> latestAdjudications(Collection<UUID> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.work(c -> {
            Map<UUID, UUID> claimOfAdjudication = new HashMap<>();
            Map<UUID, Adjudication> byClaim = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(LATEST_ADJUDICATIONS)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID claimId = Jdbc.uuid(rs, "claim_id");
                        claimOfAdjudication.put(Jdbc.uuid(rs, "id"), claimId);
                        byClaim.put(claimId, new Adjudication(claimId, rs.getString("payer_claim_control_number"),
                                Jdbc.date(rs, "paid_date"), rs.getBigDecimal("charge"), rs.getBigDecimal("paid"),
                                rs.getBigDecimal("patient_responsibility"), adjustments(rs.getString("claim_adjustments")),
                                new ArrayList<>()));
                    }
                }
            }
            if (claimOfAdjudication.isEmpty()) {
                return byClaim;
            }
            try (PreparedStatement s = c.prepareStatement(ADJUDICATION_LINES)) {
                s.setArray(1, c.createArrayOf("uuid", claimOfAdjudication.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Adjudication a = byClaim.get(claimOfAdjudication.get(Jdbc.uuid(rs, "adjudication_id")));
                        a.lines().add(new PriorPayer.Line(rs.getInt("line_number"), rs.getBigDecimal("paid"),
                                adjustments(rs.getString("adjustments"))));
                    }
                }
            }
            return byClaim;
        });
    }

    public List<Replacement> replacements(UUID claimId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(REPLACEMENTS)) {
                s.setObject(1, claimId);
                List<Replacement> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Replacement(Jdbc.uuid(rs, "id"), rs.getString("frequency_code"), rs.getString("status")));
                    }
                }
                return out;
            }
        });
    }

    /** The secondary (or tertiary) claim already made from {@code primaryClaimId} for that coverage, or null. */
    public UUID secondaryFor(UUID primaryClaimId, UUID coverageId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(SECONDARY_FOR)) {
                s.setObject(1, primaryClaimId);
                s.setObject(2, coverageId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            }
        });
    }

    /** The ids of the patient's coverages known in the practice (active or not). */
    public List<UUID> coveragesOf(UUID patientId, String practiceId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(COVERAGES_OF_PATIENT)) {
                s.setObject(1, patientId);
                s.setString(2, practiceId);
                List<UUID> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }

    /** The coverages of {@code triples} (patient, practice, coverage) whose patient has another one in the practice. */
    public java.util.Set<UUID> withOtherCoverage(List<UUID> patients, List<String> practices, List<UUID> coverages) {
        if (patients.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(WITH_OTHER_COVERAGE)) {
                s.setArray(1, c.createArrayOf("uuid", patients.toArray()));
                s.setArray(2, c.createArrayOf("text", practices.toArray()));
                s.setArray(3, c.createArrayOf("uuid", coverages.toArray()));
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

    /** The payer's number for the claim (the 277CA's REF*1K, the 835's CLP07): the REF*F8 of its correction or void. */
    public void payerClaimControlNumber(UUID claimId, String number) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(SET_PAYER_CLAIM_CONTROL_NUMBER)) {
                s.setString(1, number);
                s.setObject(2, claimId);
                return s.executeUpdate();
            }
        });
    }

    private List<PriorPayer.Adjustment> adjustments(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            List<PriorPayer.Adjustment> out = new ArrayList<>();
            for (JsonNode a : json.readTree(text)) {
                out.add(new PriorPayer.Adjustment(a.path("groupCode").asText(), a.path("reasonCode").asText(),
                        a.hasNonNull("amount") ? a.get("amount").decimalValue() : BigDecimal.ZERO));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("adjustments not readable", e);
        }
    }
}
