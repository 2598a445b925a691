package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.DunningLevel;
import dev.revcycle.collections.domain.PlacementBatch;
import dev.revcycle.collections.domain.PlacementCandidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Agency placements: batches (one per practice and date, its file) and the placed accounts. */
@ApplicationScoped
public class PlacementStore {
    /** The practice's accounts that may be placed on a date: set-based, the rule re-checked in the domain. */
    static final String CANDIDATES = """
            SELECT a.id, a.patient_id, a.patient_balance, a.oldest_open_service_date, d.first_statement_on, d.level
            FROM account a JOIN account_dunning d ON d.account_id = a.id
            WHERE a.practice_id = ? AND a.patient_balance > 0 AND a.patient_balance >= ? AND a.merged_into IS NULL
              AND d.level = 'FINAL_NOTICE' AND d.first_statement_on <= ?
              AND NOT EXISTS (SELECT 1 FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
                              AND (h.until IS NULL OR h.until >= ?))
              AND NOT EXISTS (SELECT 1 FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status = 'ACTIVE')
              AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL)
            ORDER BY a.id""";
    static final String INSERT_BATCH = """
            INSERT INTO placement_batch (id, practice_id, as_of, agency_id, agency_name, accounts, amount, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT (practice_id, as_of) DO NOTHING""";
    static final String BATCH_TOTALS = "UPDATE placement_batch SET accounts = ?, amount = ? WHERE id = ?";
    static final String FIND_BATCH = """
            SELECT id, practice_id, as_of, agency_id, agency_name, accounts, amount, created_by, created_at
            FROM placement_batch WHERE id = ?""";
    static final String FIND_BATCH_BY_DATE = """
            SELECT id, practice_id, as_of, agency_id, agency_name, accounts, amount, created_by, created_at
            FROM placement_batch WHERE practice_id = ? AND as_of = ?""";
    static final String INSERT = """
            INSERT INTO placement (id, batch_id, seq, account_id, practice_id, patient_id, agency_id, amount, placed_on,
                first_statement_on, oldest_service_date, write_off_request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String ACTIVE_OF_ACCOUNT = """
            SELECT id, account_id, practice_id, agency_id, write_off_request_id FROM placement
            WHERE account_id = ? AND recalled_at IS NULL FOR UPDATE""";
    static final String RECALL = """
            UPDATE placement SET recalled_at = ?, recalled_on = ?, recall_reason = ?, recalled_by = ? WHERE id = ?""";
    /** The placement file's rows, a page at a time in file order. */
    static final String FILE_PAGE = """
            SELECT pl.seq, pl.id, pl.account_id, pl.amount, pl.placed_on, pl.first_statement_on, pl.oldest_service_date,
                p.mrn, p.first_name, p.last_name, p.date_of_birth, p.address_line1, p.address_line2, p.address_city,
                p.address_state, p.address_postal_code, p.phone, p.email, p.guarantor_first_name, p.guarantor_last_name
            FROM (SELECT * FROM placement WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?) pl
            LEFT JOIN LATERAL (SELECT * FROM patient WHERE id = pl.patient_id LIMIT 1) p ON true ORDER BY pl.seq""";

    @Inject
    Jdbc jdbc;


    public record Candidate(UUID accountId, UUID patientId, LocalDate oldestServiceDate, PlacementCandidate facts) {
    }

    public record NewPlacement(UUID id, UUID batchId, int seq, UUID accountId, String practiceId, UUID patientId,
                               String agencyId, BigDecimal amount, LocalDate placedOn, LocalDate firstStatementOn,
                               LocalDate oldestServiceDate, UUID writeOffRequestId) {
    }

    public record Active(UUID id, UUID accountId, String practiceId, String agencyId, UUID writeOffRequestId) {
    }

    public List<Candidate> candidates(String practiceId, BigDecimal minimum, LocalDate firstStatementBy, LocalDate asOf) {
        return jdbc.list(CANDIDATES, rs -> new Candidate(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "patient_id"),
                Jdbc.date(rs, "oldest_open_service_date"), new PlacementCandidate(rs.getBigDecimal("patient_balance"),
                Jdbc.date(rs, "first_statement_on"), DunningLevel.valueOf(rs.getString("level")), false, false, false)),
                practiceId, minimum, firstStatementBy, asOf);
    }

    public boolean insertBatch(UUID id, String practiceId, LocalDate asOf, String agencyId, String agencyName, String by, Instant now) {
        return jdbc.update(INSERT_BATCH, id, practiceId, asOf, agencyId, agencyName, by, now) == 1;
    }

    public void totals(UUID batchId, int accounts, BigDecimal amount) {
        jdbc.update(BATCH_TOTALS, accounts, amount, batchId);
    }

    public Optional<PlacementBatch> batch(UUID id) {
        return jdbc.one(FIND_BATCH, PlacementStore::batch, id);
    }

    public Optional<PlacementBatch> batch(String practiceId, LocalDate asOf) {
        return jdbc.one(FIND_BATCH_BY_DATE, PlacementStore::batch, practiceId, asOf);
    }

    public void insert(List<NewPlacement> placements) {
        if (placements.isEmpty()) {
            return;
        }
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (NewPlacement p : placements) {
                    Jdbc.bind(s, p.id(), p.batchId(), p.seq(), p.accountId(), p.practiceId(), p.patientId(), p.agencyId(),
                            p.amount(), p.placedOn(), Jdbc.date(p.firstStatementOn()), Jdbc.date(p.oldestServiceDate()),
                            p.writeOffRequestId());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public Optional<Active> activeOf(UUID accountId) {
        return jdbc.one(ACTIVE_OF_ACCOUNT, rs -> new Active(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "account_id"),
                rs.getString("practice_id"), rs.getString("agency_id"), Jdbc.uuid(rs, "write_off_request_id")), accountId);
    }

    public void recall(UUID id, Instant at, LocalDate on, String reason, String by) {
        jdbc.update(RECALL, at, on, reason, by, id);
    }

    static final String CSV_HEADER = "agency_id,client_id,placement_id,account_id,patient_mrn,last_name,first_name,"
            + "date_of_birth,address_line1,address_line2,city,state,postal_code,phone,email,guarantor_last_name,"
            + "guarantor_first_name,balance_placed,oldest_service_date,first_statement_date,placed_on\r\n";

    /**
     * Writes the batch's placement file (CSV, RFC 4180, CRLF), a page of rows at a time; {@code handingOut} is told
     * each page's accounts before the page is written.
     */
    public void writeFile(PlacementBatch batch, String clientId, Writer out, int page, Consumer<List<UUID>> handingOut) {
        try {
            out.write(CSV_HEADER);
            int after = 0;
            while (true) {
                int from = after;
                List<String[]> rows = jdbc.list(FILE_PAGE, rs -> row(rs, batch, clientId), batch.id(), from, page);
                List<UUID> accounts = new ArrayList<>(rows.size());
                for (String[] r : rows) {
                    accounts.add(UUID.fromString(r[3]));
                }
                handingOut.accept(accounts);
                for (String[] r : rows) {
                    after = Integer.parseInt(r[r.length - 1]);
                    for (int i = 0; i < r.length - 1; i++) {
                        out.write(i == 0 ? "" : ",");
                        out.write(csv(r[i]));
                    }
                    out.write("\r\n");
                }
                if (rows.size() < page) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] row(ResultSet rs, PlacementBatch batch, String clientId) throws SQLException {
        return new String[] {batch.agencyId(), clientId, rs.getString("id"), rs.getString("account_id"), rs.getString("mrn"),
            rs.getString("last_name"), rs.getString("first_name"), str(rs.getDate("date_of_birth")), rs.getString("address_line1"),
            rs.getString("address_line2"), rs.getString("address_city"), rs.getString("address_state"),
            rs.getString("address_postal_code"), rs.getString("phone"), rs.getString("email"), rs.getString("guarantor_last_name"),
            rs.getString("guarantor_first_name"), rs.getBigDecimal("amount").toPlainString(), str(rs.getDate("oldest_service_date")),
            str(rs.getDate("first_statement_on")), str(rs.getDate("placed_on")), String.valueOf(rs.getInt("seq"))};
    }

    private static String str(java.sql.Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would be a formula in a spreadsheet: quoted and prefixed with an apostrophe
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static PlacementBatch batch(ResultSet rs) throws SQLException {
        return new PlacementBatch(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), Jdbc.date(rs, "as_of"), rs.getString("agency_id"),
                rs.getString("agency_name"), rs.getInt("accounts"), rs.getBigDecimal("amount"), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"));
    }
}
