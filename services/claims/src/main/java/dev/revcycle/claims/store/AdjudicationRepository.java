package dev.revcycle.claims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.ClaimStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The payer's answers about claims ({@code claim_adjudication}, its lines) and the denials work queue
 * ({@code claim_denial}, {@code claim_denial_entry}), in plain SQL. Writes are for a whole batch of
 * remittance events at once: a fixed number of statements (JDBC batches) whatever the batch's size.
 */
@ApplicationScoped
public class AdjudicationRepository {
    /** The claims a batch of remittances names, locked in id order (two batches never deadlock). */
    static final String LOCK_CLAIMS = "SELECT id, practice_id, patient_id, coverage_id, payer_id, status,"
            + " patient_control_number, version, paid_amount, payer_claim_control_number, lines"
            + " FROM claim WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE";
    /** What of a batch was recorded before (the key of claim_adjudication_once). */
    static final String RECORDED = "SELECT remittance_id, claim_id, claim_status_code FROM claim_adjudication"
            + " WHERE claim_id = ANY(?::uuid[])";
    // Each write is one statement for the whole batch: its rows as arrays, unnest()ed (a JDBC batch would still be
    // one execution per row on the server; a 10,000-claim remittance is ~50,000 rows).
    static final String INSERT_ADJUDICATION = "INSERT INTO claim_adjudication (id, claim_id, practice_id, remittance_id,"
            + " trace_number, payer_id, claim_status_code, outcome, payer_claim_control_number, paid_date, charge, paid,"
            + " patient_responsibility, claim_adjustments, received_at, from_status, to_status, reason, allowed)"
            + " SELECT u.id, u.claim_id, u.practice_id, u.remittance_id, u.trace, u.payer, u.clp02, u.outcome, u.pccn,"
            + " u.paid_date, u.charge, u.paid, u.pr, u.cas::jsonb, u.received, u.from_status, u.to_status, u.reason,"
            + " u.allowed FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::timestamptz[],"
            + " ?::text[], ?::text[], ?::text[], ?::numeric[]) AS u (id, claim_id, practice_id, remittance_id, trace, payer,"
            + " clp02, outcome, pccn, paid_date, charge, paid, pr, cas, received, from_status, to_status, reason, allowed)";
    static final String INSERT_LINE = "INSERT INTO claim_adjudication_line (adjudication_id, line_number, claim_line_id,"
            + " procedure_code, modifiers, service_date, charge, allowed, paid, patient_responsibility, adjustments)"
            + " SELECT u.adjudication_id, u.line_number, u.line_id, u.code,"
            + " CASE WHEN u.mods = '' THEN '{}'::text[] ELSE string_to_array(u.mods, ',') END, u.service_date, u.charge,"
            + " u.allowed, u.paid, u.pr, u.cas::jsonb FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::text[],"
            + " ?::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[]) AS u (adjudication_id,"
            + " line_number, line_id, code, mods, service_date, charge, allowed, paid, pr, cas)";
    static final String INSERT_HISTORY = "INSERT INTO claim_history (id, claim_id, from_status, to_status, actor,"
            + " occurred_at, source, status_code, reason) SELECT gen_random_uuid(), u.claim_id, u.from_status, u.to_status,"
            + " ?, ?, '835', u.status_code, u.reason FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS u (claim_id, from_status, to_status, status_code, reason)";
    static final String UPDATE_CLAIM = "UPDATE claim c SET status = u.status, version = u.version,"
            + " status_changed_at = CASE WHEN c.status = u.status THEN c.status_changed_at ELSE ? END, updated_at = ?,"
            + " paid_amount = u.paid, payer_claim_control_number = u.pccn, adjudicated_at = ?"
            + " FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::numeric[], ?::text[])"
            + " AS u (id, status, version, expected, paid, pccn) WHERE c.id = u.id AND c.version = u.expected";
    static final String DELETE_DENIALS = "DELETE FROM claim_denial WHERE claim_id = ANY(?::uuid[])";
    static final String INSERT_DENIAL = "INSERT INTO claim_denial (claim_id, practice_id, payer_id, adjudication_id,"
            + " patient_control_number, payer_claim_control_number, status, denied_amount, denied_on, suggested_action,"
            + " reasons) SELECT u.claim_id, u.practice_id, u.payer_id, u.adjudication_id, u.pcn, u.pccn, u.status, u.amount,"
            + " u.denied_on, u.action, u.reasons::jsonb FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[],"
            + " ?::text[], ?::text[], ?::numeric[], ?::date[], ?::text[], ?::text[]) AS u (claim_id, practice_id, payer_id,"
            + " adjudication_id, pcn, pccn, status, amount, denied_on, action, reasons)";
    static final String INSERT_ENTRY = "INSERT INTO claim_denial_entry (claim_id, carc, practice_id, payer_id,"
            + " denied_amount, denied_on, priority, priority_as_of) SELECT u.claim_id, u.carc, u.practice_id, u.payer_id,"
            + " u.amount, u.denied_on, u.priority, ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::numeric[],"
            + " ?::date[], ?::numeric[]) AS u (claim_id, carc, practice_id, payer_id, amount, denied_on, priority)";
    /** A claim's answers, newest first (a claim has a handful; capped all the same). */
    static final String OF_CLAIM = "SELECT id, remittance_id, trace_number, payer_id, claim_status_code, outcome,"
            + " payer_claim_control_number, paid_date, charge, paid, allowed, patient_responsibility, claim_adjustments,"
            + " received_at, from_status, to_status, reason FROM claim_adjudication WHERE claim_id = ?"
            + " ORDER BY received_at DESC, id DESC LIMIT " + 200;
    static final String LINES_OF = "SELECT adjudication_id, line_number, claim_line_id, procedure_code, modifiers,"
            + " service_date, charge, allowed, paid, patient_responsibility, adjustments FROM claim_adjudication_line"
            + " WHERE adjudication_id = ANY(?::uuid[]) ORDER BY adjudication_id, line_number";
    static final String DENIALS_OF = "SELECT claim_id, practice_id, payer_id, adjudication_id, patient_control_number,"
            + " payer_claim_control_number, status, denied_amount, denied_on, suggested_action, reasons"
            + " FROM claim_denial WHERE claim_id = ANY(?::uuid[])";
    /** The queue's priorities as of a new day: amount × (age in days + 1). Once a day, not per request. */
    static final String REFRESH = "UPDATE claim_denial_entry SET priority = denied_amount * ((?::date - denied_on) + 1),"
            + " priority_as_of = ? WHERE priority_as_of < ?";
    /** The carc of a queue entry that stands for the whole claim (every claim has one). */
    public static final String ALL = "*";

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    /** A claim as an adjudication needs it, locked. */
    public record LockedClaim(UUID id, String practiceId, UUID patientId, UUID coverageId, UUID payerId,
                              ClaimStatus status, String patientControlNumber, long version, BigDecimal paidAmount,
                              String payerClaimControlNumber, Map<Integer, ClaimLineRef> lines) {
    }

    /** What an adjudication line refers to on the claim. */
    public record ClaimLineRef(UUID lineId, String procedureCode, List<String> modifiers, LocalDate serviceDate) {
    }

    /** One CAS adjustment as stored (jsonb). */
    public record StoredAdjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
    }

    public record NewLine(int lineNumber, UUID claimLineId, String procedureCode, List<String> modifiers,
                          LocalDate serviceDate, BigDecimal charge, BigDecimal allowed, BigDecimal paid,
                          BigDecimal patientResponsibility, List<StoredAdjustment> adjustments) {
    }

    /** One answer to write, with what it did to its claim. */
    public record NewAdjudication(UUID id, UUID claimId, String practiceId, UUID remittanceId, String traceNumber,
                                  String payerId, String claimStatusCode, String outcome, String payerClaimControlNumber,
                                  LocalDate paidDate, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                                  BigDecimal patientResponsibility, List<StoredAdjustment> claimAdjustments,
                                  Instant receivedAt, ClaimStatus fromStatus, ClaimStatus toStatus, String reason,
                                  List<NewLine> lines) {
    }

    /** The claim's new state after its answers of a batch (status, version, the current summary). */
    public record ClaimUpdate(UUID claimId, ClaimStatus status, long version, long expectedVersion, BigDecimal paidAmount,
                              String payerClaimControlNumber, Instant adjudicatedAt) {
    }

    public record NewHistory(UUID claimId, ClaimStatus from, ClaimStatus to, String actor, Instant at, String statusCode,
                             String reason) {
    }

    /** One denial reason as the queue keeps it. */
    public record StoredReason(String groupCode, String reasonCode, String remarkCode, BigDecimal amount,
                               Integer lineNumber) {
    }

    public record Denial(UUID claimId, String practiceId, UUID payerId, UUID adjudicationId, String patientControlNumber,
                         String payerClaimControlNumber, ClaimStatus status, BigDecimal deniedAmount, LocalDate deniedOn,
                         String suggestedAction, List<StoredReason> reasons) {
    }

    /** A stored answer with its lines, for the API. */
    public record StoredAdjudication(UUID id, UUID remittanceId, String traceNumber, String payerId,
                                     String claimStatusCode, String outcome, String payerClaimControlNumber,
                                     LocalDate paidDate, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                                     BigDecimal patientResponsibility, List<StoredAdjustment> claimAdjustments,
                                     Instant receivedAt, String fromStatus, String toStatus, String reason,
                                     List<NewLine> lines) {
    }

    /** The key of an answer recorded once: remittance, claim, CLP02. */
    public record AnswerKey(UUID remittanceId, UUID claimId, String claimStatusCode) {
    }

    public Map<UUID, LockedClaim> lockClaims(Collection<UUID> ids) {
        return jdbc.work(c -> {
            Map<UUID, LockedClaim> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(LOCK_CLAIMS)) {
                s.setArray(1, c.createArrayOf("uuid", ids.stream().distinct().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = Jdbc.uuid(rs, "id");
                        out.put(id, new LockedClaim(id, rs.getString("practice_id"), Jdbc.uuid(rs, "patient_id"),
                                Jdbc.uuid(rs, "coverage_id"), Jdbc.uuid(rs, "payer_id"),
                                ClaimStatus.valueOf(rs.getString("status")), rs.getString("patient_control_number"),
                                rs.getLong("version"), rs.getBigDecimal("paid_amount"),
                                rs.getString("payer_claim_control_number"), lineRefs(rs.getString("lines"))));
                    }
                }
            }
            return out;
        });
    }

    public Set<AnswerKey> recorded(Collection<UUID> claimIds) {
        return jdbc.work(c -> {
            Set<AnswerKey> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(RECORDED)) {
                s.setArray(1, c.createArrayOf("uuid", claimIds.stream().distinct().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AnswerKey(Jdbc.uuid(rs, "remittance_id"), Jdbc.uuid(rs, "claim_id"),
                                rs.getString("claim_status_code")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Writes a batch's answers, their lines, the history rows and the claims' new state, and replaces the
     * denials of {@code denialsOf} with {@code denials}: seven statements at most, whatever the batch's size.
     *
     * @throws IllegalStateException when a claim changed meanwhile (its version moved): the batch is retried
     */
    public void write(List<NewAdjudication> adjudications, List<NewHistory> history, List<ClaimUpdate> claims,
                      Collection<UUID> denialsOf, List<Denial> denials, LocalDate today) {
        jdbc.work(c -> {
            if (!adjudications.isEmpty()) {
                insertAdjudications(c, adjudications);
            }
            if (!history.isEmpty()) {
                insertHistory(c, history);
            }
            if (!claims.isEmpty()) {
                updateClaims(c, claims);
            }
            if (!denialsOf.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(DELETE_DENIALS)) {
                    s.setArray(1, c.createArrayOf("uuid", denialsOf.toArray()));
                    s.executeUpdate();
                }
            }
            if (!denials.isEmpty()) {
                insertDenials(c, denials, today);
            }
            return null;
        });
    }

    /** The columns of one unnest() statement, filled row by row, bound as arrays. */
    private static final class Columns {
        private final String[] types;
        private final List<List<Object>> values = new ArrayList<>();

        Columns(String... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                values.add(new ArrayList<>());
            }
        }

        void row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                values.get(i).add(v instanceof LocalDate d ? java.sql.Date.valueOf(d)
                        : v instanceof Instant t ? Timestamp.from(t) : v);
            }
        }

        /** Binds the arrays from parameter {@code first} on; the next free parameter. */
        int bind(Connection c, PreparedStatement s, int first) throws SQLException {
            int i = first;
            for (int col = 0; col < types.length; col++) {
                s.setArray(i++, c.createArrayOf(types[col], values.get(col).toArray()));
            }
            return i;
        }
    }

    private void insertAdjudications(Connection c, List<NewAdjudication> all) throws SQLException {
        Columns heads = new Columns("uuid", "uuid", "text", "uuid", "text", "text", "text", "text", "text", "date",
                "numeric", "numeric", "numeric", "text", "timestamptz", "text", "text", "text", "numeric");
        Columns lines = new Columns("uuid", "int4", "uuid", "text", "text", "date", "numeric", "numeric", "numeric",
                "numeric", "text");
        int lineCount = 0;
        for (NewAdjudication a : all) {
            heads.row(a.id(), a.claimId(), a.practiceId(), a.remittanceId(), a.traceNumber(), a.payerId(),
                    a.claimStatusCode(), a.outcome(), a.payerClaimControlNumber(), a.paidDate(), a.charge(), a.paid(),
                    a.patientResponsibility(), write(a.claimAdjustments()), a.receivedAt(), a.fromStatus().name(),
                    a.toStatus().name(), a.reason(), a.allowed());
            for (NewLine line : a.lines()) {
                lines.row(a.id(), line.lineNumber(), line.claimLineId(), line.procedureCode(),
                        String.join(",", line.modifiers()), line.serviceDate(), line.charge(), line.allowed(),
                        line.paid(), line.patientResponsibility(), write(line.adjustments()));
                lineCount++;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ADJUDICATION)) {
            heads.bind(c, s, 1);
            s.executeUpdate();
        }
        if (lineCount > 0) {
            try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
                lines.bind(c, s, 1);
                s.executeUpdate();
            }
        }
    }

    private static void insertHistory(Connection c, List<NewHistory> all) throws SQLException {
        Columns rows = new Columns("uuid", "text", "text", "text", "text");
        for (NewHistory h : all) {
            rows.row(h.claimId(), h.from().name(), h.to().name(), h.statusCode(), h.reason());
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
            s.setString(1, all.get(0).actor());
            s.setTimestamp(2, Timestamp.from(all.get(0).at()));
            rows.bind(c, s, 3);
            s.executeUpdate();
        }
    }

    private static void updateClaims(Connection c, List<ClaimUpdate> all) throws SQLException {
        Columns rows = new Columns("uuid", "text", "int8", "int8", "numeric", "text");
        for (ClaimUpdate u : all) {
            rows.row(u.claimId(), u.status().name(), u.version(), u.expectedVersion(), u.paidAmount(),
                    u.payerClaimControlNumber());
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE_CLAIM)) {
            Timestamp at = Timestamp.from(all.get(0).adjudicatedAt());
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            rows.bind(c, s, 4);
            if (s.executeUpdate() != all.size()) {
                throw new IllegalStateException("a claim changed while its remittance was applied; retrying");
            }
        }
    }

    private void insertDenials(Connection c, List<Denial> all, LocalDate today) throws SQLException {
        Columns denials = new Columns("uuid", "text", "uuid", "uuid", "text", "text", "text", "numeric", "date", "text",
                "text");
        Columns entries = new Columns("uuid", "text", "text", "uuid", "numeric", "date", "numeric");
        for (Denial d : all) {
            denials.row(d.claimId(), d.practiceId(), d.payerId(), d.adjudicationId(), d.patientControlNumber(),
                    d.payerClaimControlNumber(), d.status().name(), d.deniedAmount(), d.deniedOn(), d.suggestedAction(),
                    write(d.reasons()));
            BigDecimal priority = priority(d.deniedAmount(), d.deniedOn(), today);
            List<String> carcs = new ArrayList<>();
            carcs.add(ALL);
            d.reasons().stream().map(StoredReason::reasonCode).distinct().forEach(carcs::add);
            for (String carc : carcs) {
                entries.row(d.claimId(), carc, d.practiceId(), d.payerId(), d.deniedAmount(), d.deniedOn(), priority);
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_DENIAL)) {
            denials.bind(c, s, 1);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ENTRY)) {
            Jdbc.date(s, 1, today);
            entries.bind(c, s, 2);
            s.executeUpdate();
        }
    }

    /** The queue's sort key: the denied amount times the age in days counting the day of the denial (≥ 1). */
    public static BigDecimal priority(BigDecimal amount, LocalDate deniedOn, LocalDate today) {
        long age = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(deniedOn, today)) + 1;
        return amount.multiply(BigDecimal.valueOf(age)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Brings every queue entry's priority to {@code today}; the number of entries changed. */
    public int refreshPriorities(LocalDate today) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(REFRESH)) {
                Jdbc.date(s, 1, today);
                Jdbc.date(s, 2, today);
                Jdbc.date(s, 3, today);
                return s.executeUpdate();
            }
        });
    }

    /** A claim's answers, newest first, each with its lines. */
    public List<StoredAdjudication> ofClaim(UUID claimId) {
        return jdbc.work(c -> {
            List<StoredAdjudication> heads = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(OF_CLAIM)) {
                s.setObject(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        heads.add(new StoredAdjudication(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "remittance_id"),
                                rs.getString("trace_number"), rs.getString("payer_id"), rs.getString("claim_status_code"),
                                rs.getString("outcome"), rs.getString("payer_claim_control_number"),
                                Jdbc.date(rs, "paid_date"), money(rs, "charge"), money(rs, "paid"), money(rs, "allowed"),
                                money(rs, "patient_responsibility"),
                                read(rs.getString("claim_adjustments"), new TypeReference<List<StoredAdjustment>>() { }),
                                rs.getTimestamp("received_at").toInstant(), rs.getString("from_status"),
                                rs.getString("to_status"), rs.getString("reason"), List.of()));
                    }
                }
            }
            if (heads.isEmpty()) {
                return heads;
            }
            Map<UUID, List<NewLine>> lines = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(LINES_OF)) {
                s.setArray(1, c.createArrayOf("uuid", heads.stream().map(StoredAdjudication::id).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Array mods = rs.getArray("modifiers");
                        lines.computeIfAbsent(Jdbc.uuid(rs, "adjudication_id"), k -> new ArrayList<>()).add(new NewLine(
                                rs.getInt("line_number"), Jdbc.uuid(rs, "claim_line_id"), rs.getString("procedure_code"),
                                mods == null ? List.of() : List.of((String[]) mods.getArray()),
                                Jdbc.date(rs, "service_date"), money(rs, "charge"), money(rs, "allowed"),
                                money(rs, "paid"), money(rs, "patient_responsibility"),
                                read(rs.getString("adjustments"), new TypeReference<List<StoredAdjustment>>() { })));
                    }
                }
            }
            return heads.stream().map(h -> new StoredAdjudication(h.id(), h.remittanceId(), h.traceNumber(), h.payerId(),
                    h.claimStatusCode(), h.outcome(), h.payerClaimControlNumber(), h.paidDate(), h.charge(), h.paid(),
                    h.allowed(), h.patientResponsibility(), h.claimAdjustments(), h.receivedAt(), h.fromStatus(),
                    h.toStatus(), h.reason(), lines.getOrDefault(h.id(), List.of()))).toList();
        });
    }

    // ---- the denials queue

    /** Where a page of the queue ends: the next page starts after this entry (priority descending, then claim id). */
    public record Cursor(BigDecimal priority, UUID claimId) {
        public String encode() {
            String raw = priority.toPlainString() + "~" + claimId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        /** @return null when {@code text} is not a cursor this list wrote */
        public static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
                int tilde = raw.indexOf('~');
                if (tilde < 1) {
                    return null;
                }
                return new Cursor(new BigDecimal(raw.substring(0, tilde)), UUID.fromString(raw.substring(tilde + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The filters of the queue; payerId and carc null = any. */
    public record DenialFilter(Collection<String> practices, UUID payerId, String carc) {
    }

    /** The page's keys: one statement, its text and parameters (package-visible for the plan test). */
    static ClaimRepository.Sql queueSql(DenialFilter f, Cursor after, int limit) {
        List<String> practices = f.practices().stream().sorted().toList();
        List<Object> params = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (String practice : practices) {
            StringBuilder q = new StringBuilder("SELECT claim_id, priority FROM claim_denial_entry WHERE practice_id = ?");
            params.add(practice);
            if (f.payerId() != null) {
                q.append(" AND payer_id = ?");
                params.add(f.payerId());
            }
            q.append(" AND carc = ?");
            params.add(f.carc() == null ? ALL : f.carc());
            if (after != null) {
                q.append(" AND (priority, claim_id) < (?, ?)");
                params.add(after.priority());
                params.add(after.claimId());
            }
            q.append(" ORDER BY priority DESC, claim_id DESC LIMIT ?");
            params.add(limit);
            branches.add(q.toString());
        }
        if (branches.size() == 1) {
            return new ClaimRepository.Sql(branches.get(0), params);
        }
        params.add(limit);
        return new ClaimRepository.Sql("SELECT * FROM ((" + String.join(") UNION ALL (", branches) + ")) q"
                + " ORDER BY priority DESC, claim_id DESC LIMIT ?", params);
    }

    /** One page of the queue and the cursor of the next (null at the end). */
    public record DenialSlice(List<Denial> items, Map<UUID, BigDecimal> priorities, Cursor next) {
    }

    public DenialSlice denials(DenialFilter f, int size, Cursor after) {
        if (f.practices().isEmpty()) {
            return new DenialSlice(List.of(), Map.of(), null);
        }
        return jdbc.work(c -> {
            List<UUID> ids = new ArrayList<>();
            Map<UUID, BigDecimal> priorities = new HashMap<>();
            ClaimRepository.Sql sql = queueSql(f, after, size + 1);
            try (PreparedStatement s = c.prepareStatement(sql.text())) {
                int i = 1;
                for (Object p : sql.params()) {
                    if (p instanceof Integer n) {
                        s.setInt(i++, n);
                    } else {
                        s.setObject(i++, p);
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        ids.add(id);
                        priorities.put(id, rs.getBigDecimal(2));
                    }
                }
            }
            Cursor next = null;
            if (ids.size() > size) {
                ids = ids.subList(0, size);
                UUID last = ids.get(size - 1);
                next = new Cursor(priorities.get(last), last);
            }
            List<Denial> loaded = ids.isEmpty() ? List.of() : denialsOn(c, ids);
            Map<UUID, Denial> byId = new HashMap<>();
            loaded.forEach(d -> byId.put(d.claimId(), d));
            return new DenialSlice(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), priorities, next);
        });
    }

    private List<Denial> denialsOn(Connection c, List<UUID> ids) throws SQLException {
        List<Denial> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(DENIALS_OF)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Denial(Jdbc.uuid(rs, "claim_id"), rs.getString("practice_id"), Jdbc.uuid(rs, "payer_id"),
                            Jdbc.uuid(rs, "adjudication_id"), rs.getString("patient_control_number"),
                            rs.getString("payer_claim_control_number"), ClaimStatus.valueOf(rs.getString("status")),
                            money(rs, "denied_amount"), Jdbc.date(rs, "denied_on"), rs.getString("suggested_action"),
                            read(rs.getString("reasons"), new TypeReference<List<StoredReason>>() { })));
                }
            }
        }
        return out;
    }

    // ---- helpers

    private Map<Integer, ClaimLineRef> lineRefs(String linesJson) {
        Map<Integer, ClaimLineRef> out = new HashMap<>();
        if (linesJson == null) {
            return out;
        }
        try {
            for (JsonNode l : json.readTree(linesJson)) {
                List<String> mods = new ArrayList<>();
                l.path("modifiers").forEach(m -> mods.add(m.asText()));
                String date = l.path("serviceDate").asText(null);
                String lineId = l.path("lineId").asText(null);
                out.put(l.path("lineNumber").asInt(), new ClaimLineRef(lineId == null ? null : UUID.fromString(lineId),
                        l.path("procedureCode").asText(null), List.copyOf(mods),
                        date == null ? null : LocalDate.parse(date)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim lines not readable", e);
        }
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON not readable", e);
        }
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.setScale(2);
    }
}
