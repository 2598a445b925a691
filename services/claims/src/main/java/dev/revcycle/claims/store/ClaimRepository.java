package dev.revcycle.claims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimNearFilingLimit;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.adjudication.Adjudications;
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
            + " primary_claim_id, replaces_claim_id, version, status_changed_at, paid_amount, payer_claim_control_number,"
            + " adjudicated_at";
    /** The columns a claim is created with (COLUMNS less the payer's answer, which only adjudication writes). */
    static final String WRITTEN = COLUMNS.substring(0, COLUMNS.indexOf(", paid_amount"));
    static final String NEXT_CONTROL_NUMBER =
            "SELECT 'RC' || lpad(nextval('claim_patient_control_number_seq')::text, 10, '0')";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM claim WHERE id = ?";
    static final String BY_IDS = "SELECT " + COLUMNS + " FROM claim WHERE id = ANY(?::uuid[])";
    static final String ID_BY_CONTROL_NUMBER = "SELECT id FROM claim WHERE patient_control_number = ?";
    /**
     * The timely filing deadline of a claim (V80): its first date of service + its coverage's filing days, the default
     * when the payer has none; null without a coverage (self-pay) or a date. Parameters: the date, the coverage id.
     */
    static final String FILING_DEADLINE = "(SELECT ?::date + COALESCE(k.timely_filing_days, "
            + ClaimNearFilingLimit.DEFAULT_FILING_DAYS + ") FROM known_coverage k WHERE k.id = ?::uuid)";
    static final String INSERT = "INSERT INTO claim (" + WRITTEN + ", first_service_date, created_at, updated_at, filing_deadline)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + FILING_DEADLINE + ")";
    static final String UPDATE = "UPDATE claim SET coverage_id = ?, payer_id = ?, type = ?, status = ?,"
            + " billing_provider_id = ?, rendering_provider_id = ?, referring_provider_id = ?, place_of_service = ?,"
            + " type_of_bill = ?, admission_date = ?, discharge_date = ?, prior_authorization = ?, diagnoses = ?,"
            + " lines = ?::jsonb, total_charge = ?, version = ?, first_service_date = ?, updated_at = ?,"
            + " status_changed_at = ?, filing_deadline = " + FILING_DEADLINE + " WHERE id = ? AND version = ?";

    /** What a list or the queue filters by; null = any. */
    public record Filter(Collection<String> practices, ClaimStatus status, UUID payerId, UUID patientId,
                         LocalDate serviceDateFrom, Instant statusChangedBefore) {
    }

    /** A claim as stored, with the payer of its coverage (for the list's filter and the events) and its payer's answer. */
    public record Stored(Claim claim, UUID payerId, Instant statusChangedAt, Adjudications.Summary adjudication) {
        public Stored(Claim claim, UUID payerId, Instant statusChangedAt) {
            this(claim, payerId, statusChangedAt, null);
        }
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
                s.setTimestamp(i++, Timestamp.from(now));
                Jdbc.date(s, i++, claim.firstServiceDate());
                Jdbc.uuid(s, i, claim.coverageId());
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
                Jdbc.date(s, i++, claim.firstServiceDate());
                Jdbc.uuid(s, i++, claim.coverageId());
                s.setObject(i++, claim.id());
                s.setLong(i, expectedVersion);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * One statement of the queue: its text with {@code ?} placeholders and its parameters in order
     * (String, UUID, Instant, Integer), package-visible for the plan test.
     */
    record Sql(String text, List<Object> params) {
    }

    /**
     * The queue's statement: the claims of the filter's practices after {@code after} in the queue's
     * order (status_changed_at, id), at most {@code limit}. Every equality filter is in the index
     * prefix ({@code claim_queue}, {@code claim_by_practice}, {@code claim_by_practice_payer},
     * {@code claim_queue_by_payer}; with a patient {@code claim_by_patient}, whose rows are one patient's),
     * olderThanDays and the cursor are ranges of the order column: the scan streams into the LIMIT.
     * The date of service is not in the statement (see {@link #page}). Several practices are one
     * bounded branch each, merged.
     *
     * @param keysOnly id, status_changed_at and first_service_date only (the window of a
     *                 serviceDateFrom filter)
     */
    static Sql listSql(Filter f, Cursor after, boolean keysOnly, int limit) {
        String columns = keysOnly ? "id, status_changed_at, first_service_date" : COLUMNS;
        List<String> practices = f.practices().stream().sorted().toList();
        List<Object> params = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (String practice : practices) {
            StringBuilder q = new StringBuilder("SELECT ").append(columns).append(" FROM claim WHERE practice_id = ?");
            params.add(practice);
            if (f.status() != null) {
                q.append(" AND status = ?");
                params.add(f.status().name());
            }
            if (f.payerId() != null) {
                q.append(" AND payer_id = ?");
                params.add(f.payerId());
            }
            if (f.patientId() != null) {
                q.append(" AND patient_id = ?");
                params.add(f.patientId());
            }
            if (f.statusChangedBefore() != null) {
                q.append(" AND status_changed_at < ?");
                params.add(f.statusChangedBefore());
            }
            if (after != null) {
                q.append(" AND (status_changed_at, id) > (?, ?)");
                params.add(after.statusChangedAt());
                params.add(after.id());
            }
            q.append(" ORDER BY status_changed_at, id LIMIT ?");
            params.add(limit);
            branches.add(q.toString());
        }
        return merged(branches, params, "status_changed_at, id", limit);
    }

    /**
     * One bounded branch per practice (each ordered and limited), merged in the same order: a single branch
     * as it is, several as {@code UNION ALL} under the order and limit (the planner's Merge Append).
     */
    static Sql merged(List<String> branches, List<Object> params, String orderBy, int limit) {
        if (branches.size() == 1) {
            return new Sql(branches.get(0), params);
        }
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return new Sql("SELECT * FROM ((" + String.join(") UNION ALL (", branches) + ")) q ORDER BY " + orderBy
                + " LIMIT ?", all);
    }

    /** Claims of the queue a serviceDateFrom filter examines per request, at most. */
    public static final int SCAN_WINDOW = 500;

    /** Where a page of the queue ends: the next page starts after this claim. */
    public record Cursor(Instant statusChangedAt, UUID id) {
        /** Opaque to clients: base64url of {@code <epoch seconds>.<nanos>~<id>}. */
        public String encode() {
            String raw = statusChangedAt.getEpochSecond() + "." + statusChangedAt.getNano() + "~" + id;
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** @return null when {@code text} is not a cursor this list wrote */
        public static Cursor decode(String text) {
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.US_ASCII);
                int dot = raw.indexOf('.');
                int tilde = raw.indexOf('~');
                if (dot < 1 || tilde < dot) {
                    return null;
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                        Long.parseLong(raw.substring(dot + 1, tilde))), UUID.fromString(raw.substring(tilde + 1)));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                return null;
            }
        }

        static Cursor of(Stored s) {
            return new Cursor(s.statusChangedAt(), s.claim().id());
        }
    }

    /** A page of the queue: {@code next} (null at the end) continues it. */
    public record Slice(List<Stored> items, Cursor next) {
        public boolean hasMore() {
            return next != null;
        }
    }

    /**
     * One page of the queue, oldest status change first, after {@code after} (null: from the start).
     * Without serviceDateFrom: {@code size + 1} rows tell whether there is more. With it (a range on
     * another column than the order, which no index can serve in the queue's order), the page examines
     * at most {@link #SCAN_WINDOW} claims of the queue by their keys and loads those on or after the
     * date; when the window is used up, {@code next} continues after its last claim, so a page may be
     * short, even empty, while there is more.
     */
    public Slice page(Filter f, int size, Cursor after) {
        if (f.practices().isEmpty()) {
            return new Slice(List.of(), null);
        }
        return jdbc.work(c -> {
            if (f.serviceDateFrom() == null) {
                List<Stored> rows;
                try (PreparedStatement s = prepared(c, listSql(f, after, false, size + 1))) {
                    rows = all(s);
                }
                if (rows.size() <= size) {
                    return new Slice(rows, null);
                }
                List<Stored> items = rows.subList(0, size);
                return new Slice(List.copyOf(items), Cursor.of(items.get(size - 1)));
            }
            List<UUID> hits = new ArrayList<>();
            Cursor last = null;
            Cursor lastHit = null;
            int examined = 0;
            boolean more = false;
            try (PreparedStatement s = prepared(c, listSql(f, after, true, SCAN_WINDOW)); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    examined++;
                    Cursor here = new Cursor(rs.getTimestamp(2).toInstant(), rs.getObject(1, UUID.class));
                    LocalDate first = Jdbc.date(rs, "first_service_date");
                    if (first != null && !first.isBefore(f.serviceDateFrom())) {
                        if (hits.size() == size) {
                            more = true;
                            break;
                        }
                        hits.add(here.id());
                        lastHit = here;
                    }
                    last = here;
                }
            }
            List<Stored> items = hits.isEmpty() ? List.of() : findAllOn(c, hits);
            if (more) {
                return new Slice(items, lastHit);
            }
            return new Slice(items, examined == SCAN_WINDOW ? last : null);
        });
    }

    static PreparedStatement prepared(Connection c, Sql sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.text());
        int i = 1;
        for (Object p : sql.params()) {
            if (p instanceof Instant t) {
                s.setTimestamp(i++, Timestamp.from(t));
            } else if (p instanceof Integer n) {
                s.setInt(i++, n);
            } else {
                s.setObject(i++, p);
            }
        }
        return s;
    }

    private List<Stored> findAllOn(Connection c, List<UUID> ids) throws SQLException {
        List<Stored> found;
        try (PreparedStatement s = c.prepareStatement(BY_IDS)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            found = all(s);
        }
        java.util.Map<UUID, Stored> byId = new java.util.HashMap<>();
        found.forEach(f -> byId.put(f.claim().id(), f));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
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
                Timestamp adjudicatedAt = rs.getTimestamp("adjudicated_at");
                BigDecimal paid = rs.getBigDecimal("paid_amount");
                Adjudications.Summary summary = adjudicatedAt == null ? null : new Adjudications.Summary(
                        paid == null ? null : paid.setScale(2), rs.getString("payer_claim_control_number"),
                        adjudicatedAt.toInstant());
                out.add(new Stored(claim, Jdbc.uuid(rs, "payer_id"), rs.getTimestamp("status_changed_at").toInstant(),
                        summary));
            }
        }
        return out;
    }
}
