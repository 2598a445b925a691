package dev.revcycle.claims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Claims with their diagnoses and lines (jsonb), in plain SQL. */
@ApplicationScoped
public class ClaimRepository {
    static final String COLUMNS = "id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,"
            + " billing_provider_id, rendering_provider_id, referring_provider_id, place_of_service, type_of_bill,"
            + " admission_date, discharge_date, prior_authorization, diagnoses, lines, total_charge, frequency_code,"
            + " primary_claim_id, replaces_claim_id, version, status_changed_at";
    static final String NEXT_CONTROL_NUMBER =
            "SELECT 'RC' || lpad(nextval('claim_patient_control_number_seq')::text, 10, '0')";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM claim WHERE id = ?";
    static final String BY_IDS = "SELECT " + COLUMNS + " FROM claim WHERE id = ANY(?::uuid[])";
    static final String ID_BY_CONTROL_NUMBER = "SELECT id FROM claim WHERE patient_control_number = ?";
    static final String INSERT = "INSERT INTO claim (" + COLUMNS + ", first_service_date, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE claim SET coverage_id = ?, payer_id = ?, type = ?, status = ?,"
            + " billing_provider_id = ?, rendering_provider_id = ?, referring_provider_id = ?, place_of_service = ?,"
            + " type_of_bill = ?, admission_date = ?, discharge_date = ?, prior_authorization = ?, diagnoses = ?,"
            + " lines = ?::jsonb, total_charge = ?, version = ?, first_service_date = ?, updated_at = ?,"
            + " status_changed_at = ? WHERE id = ? AND version = ?";
    static final int COUNT_CAP = 10_000;

    /** What a list or the queue filters by; null = any. */
    public record Filter(Collection<String> practices, ClaimStatus status, UUID payerId, UUID patientId,
                         LocalDate serviceDateFrom, Instant statusChangedBefore) {
    }

    /** A claim as stored, with the payer of its coverage (for the list's filter and the events). */
    public record Stored(Claim claim, UUID payerId, Instant statusChangedAt) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    public String nextPatientControlNumber() {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(NEXT_CONTROL_NUMBER); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    public Stored find(UUID id, boolean lock) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_ID + (lock ? " FOR UPDATE" : ""))) {
                s.setObject(1, id);
                List<Stored> all = all(s);
                return all.isEmpty() ? null : all.get(0);
            }
        });
    }

    /** The claims of {@code ids} (those that exist), locked when asked, in the order of the ids. */
    public List<Stored> findAll(Collection<UUID> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Stored> found = jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_IDS + (lock ? " ORDER BY id FOR UPDATE" : ""))) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                return all(s);
            }
        });
        java.util.Map<UUID, Stored> byId = new java.util.HashMap<>();
        found.forEach(f -> byId.put(f.claim().id(), f));
        return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public UUID idOfControlNumber(String patientControlNumber) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(ID_BY_CONTROL_NUMBER)) {
                s.setString(1, patientControlNumber);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            }
        });
    }

    public void insert(Claim claim, UUID payerId, Instant now) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                int i = 1;
                s.setObject(i++, claim.id());
                s.setString(i++, claim.practiceId());
                s.setObject(i++, claim.patientId());
                Jdbc.uuid(s, i++, claim.coverageId());
                Jdbc.uuid(s, i++, payerId);
                s.setString(i++, claim.type().name());
                s.setString(i++, claim.status().name());
                s.setString(i++, claim.patientControlNumber());
                s.setObject(i++, claim.billingProviderId());
                Jdbc.uuid(s, i++, claim.renderingProviderId());
                Jdbc.uuid(s, i++, claim.referringProviderId());
                s.setString(i++, claim.placeOfService());
                s.setString(i++, claim.typeOfBill());
                Jdbc.date(s, i++, claim.admissionDate());
                Jdbc.date(s, i++, claim.dischargeDate());
                s.setString(i++, claim.priorAuthorization());
                s.setArray(i++, c.createArrayOf("text", claim.diagnoses().toArray()));
                s.setString(i++, lines(claim.lines()));
                s.setBigDecimal(i++, claim.totalCharge());
                s.setString(i++, claim.frequencyCode() == null ? "1" : claim.frequencyCode());
                Jdbc.uuid(s, i++, claim.primaryClaimId());
                Jdbc.uuid(s, i++, claim.replacesClaimId());
                s.setLong(i++, claim.version());
                s.setTimestamp(i++, Timestamp.from(now));
                Jdbc.date(s, i++, claim.firstServiceDate());
                s.setTimestamp(i++, Timestamp.from(now));
                s.setTimestamp(i, Timestamp.from(now));
                return s.executeUpdate();
            }
        });
    }

    /**
     * Writes the claim as it is now, where the row is still at {@code expectedVersion}.
     *
     * @param statusChangedAt when its status last changed (now for a move, else as it was)
     * @return false when another change came first (nothing written)
     */
    public boolean update(Claim claim, UUID payerId, long expectedVersion, Instant statusChangedAt, Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                int i = 1;
                Jdbc.uuid(s, i++, claim.coverageId());
                Jdbc.uuid(s, i++, payerId);
                s.setString(i++, claim.type().name());
                s.setString(i++, claim.status().name());
                s.setObject(i++, claim.billingProviderId());
                Jdbc.uuid(s, i++, claim.renderingProviderId());
                Jdbc.uuid(s, i++, claim.referringProviderId());
                s.setString(i++, claim.placeOfService());
                s.setString(i++, claim.typeOfBill());
                Jdbc.date(s, i++, claim.admissionDate());
                Jdbc.date(s, i++, claim.dischargeDate());
                s.setString(i++, claim.priorAuthorization());
                s.setArray(i++, c.createArrayOf("text", claim.diagnoses().toArray()));
                s.setString(i++, lines(claim.lines()));
                s.setBigDecimal(i++, claim.totalCharge());
                s.setLong(i++, claim.version());
                Jdbc.date(s, i++, claim.firstServiceDate());
                s.setTimestamp(i++, Timestamp.from(now));
                s.setTimestamp(i++, Timestamp.from(statusChangedAt));
                s.setObject(i++, claim.id());
                s.setLong(i, expectedVersion);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The list and queue statement for a filter (package-visible for the plan test). */
    static String listSql(Filter f, boolean count) {
        // one practice (the usual token) is an equality, so the (practice_id, status_changed_at, id)
        // indexes serve the order; several practices are an array
        StringBuilder where = new StringBuilder(f.practices().size() == 1 ? " FROM claim WHERE practice_id = ?"
                : " FROM claim WHERE practice_id = ANY(?::text[])");
        if (f.status() != null) {
            where.append(" AND status = ?");
        }
        if (f.payerId() != null) {
            where.append(" AND payer_id = ?");
        }
        if (f.patientId() != null) {
            where.append(" AND patient_id = ?");
        }
        if (f.serviceDateFrom() != null) {
            where.append(" AND first_service_date >= ?");
        }
        if (f.statusChangedBefore() != null) {
            where.append(" AND status_changed_at < ?");
        }
        return count ? "SELECT count(*) FROM (SELECT 1" + where + " LIMIT ?) x"
                : "SELECT " + COLUMNS + where + " ORDER BY status_changed_at, id LIMIT ? OFFSET ?";
    }

    static int bind(PreparedStatement s, Connection c, Filter f) throws SQLException {
        int i = 1;
        if (f.practices().size() == 1) {
            s.setString(i++, f.practices().iterator().next());
        } else {
            s.setArray(i++, c.createArrayOf("text", f.practices().toArray()));
        }
        if (f.status() != null) {
            s.setString(i++, f.status().name());
        }
        if (f.payerId() != null) {
            s.setObject(i++, f.payerId());
        }
        if (f.patientId() != null) {
            s.setObject(i++, f.patientId());
        }
        if (f.serviceDateFrom() != null) {
            Jdbc.date(s, i++, f.serviceDateFrom());
        }
        if (f.statusChangedBefore() != null) {
            s.setTimestamp(i++, Timestamp.from(f.statusChangedBefore()));
        }
        return i;
    }

    /** One page, oldest status change first (the queue's order); the total counts up to 10,000. */
    public Page<Stored> page(Filter f, PageRequest page) {
        if (f.practices().isEmpty()) {
            return Page.empty(page);
        }
        return jdbc.work(c -> {
            List<Stored> items;
            try (PreparedStatement s = c.prepareStatement(listSql(f, false))) {
                int i = bind(s, c, f);
                s.setInt(i++, page.size());
                s.setInt(i, page.offset());
                items = all(s);
            }
            try (PreparedStatement s = c.prepareStatement(listSql(f, true))) {
                int i = bind(s, c, f);
                s.setInt(i, COUNT_CAP + 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long total = rs.getLong(1);
                    return new Page<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total <= COUNT_CAP);
                }
            }
        });
    }

    private String lines(List<ClaimLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim lines not writable", e);
        }
    }

    private List<ClaimLine> lines(String text) {
        try {
            List<ClaimLine> read = json.readValue(text, new TypeReference<List<ClaimLine>>() { });
            return read.stream().map(l -> new ClaimLine(l.lineId(), l.lineNumber(), l.procedureCode(), l.modifiers(),
                    l.units(), l.chargeAmount() == null ? null : l.chargeAmount().setScale(2), l.serviceDate(),
                    l.diagnosisPointers(), l.revenueCode(), l.ndc())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim lines not readable", e);
        }
    }

    private List<Stored> all(PreparedStatement s) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array dx = rs.getArray("diagnoses");
                List<String> diagnoses = dx == null ? List.of() : Arrays.asList((String[]) dx.getArray());
                BigDecimal total = rs.getBigDecimal("total_charge");
                Claim claim = new Claim(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), Jdbc.uuid(rs, "patient_id"),
                        Jdbc.uuid(rs, "coverage_id"), ClaimType.valueOf(rs.getString("type")),
                        ClaimStatus.valueOf(rs.getString("status")), rs.getString("patient_control_number"),
                        Jdbc.uuid(rs, "billing_provider_id"), Jdbc.uuid(rs, "rendering_provider_id"),
                        Jdbc.uuid(rs, "referring_provider_id"), rs.getString("place_of_service"),
                        rs.getString("type_of_bill"), Jdbc.date(rs, "admission_date"), Jdbc.date(rs, "discharge_date"),
                        rs.getString("prior_authorization"), diagnoses, lines(rs.getString("lines")),
                        total == null ? null : total.setScale(2), rs.getString("frequency_code"),
                        Jdbc.uuid(rs, "primary_claim_id"), Jdbc.uuid(rs, "replaces_claim_id"), rs.getLong("version"));
                out.add(new Stored(claim, Jdbc.uuid(rs, "payer_id"), rs.getTimestamp("status_changed_at").toInstant()));
            }
        }
        return out;
    }
}
