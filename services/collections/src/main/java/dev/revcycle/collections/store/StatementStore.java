package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.DunningLevel;
import dev.revcycle.collections.domain.StatementRun;
import dev.revcycle.collections.domain.StatementCandidate;
import dev.revcycle.collections.domain.StatementLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Statement runs, statements and each account's dunning position. A run reads a practice's accounts with
 * a patient balance a chunk at a time in id order ({@link #CHUNK_IDS}), reads what the rules need of the
 * chunk in one statement ({@link #CANDIDATES}) and writes the chunk's statements, dunning positions and
 * versions in batches: a handful of round trips per chunk, whatever its size.
 */
@ApplicationScoped
public class StatementStore {
    static final String INSERT_RUN = """
            INSERT INTO statement_run (id, practice_id, as_of, status, started_by, started_at)
            VALUES (?, ?, ?, 'RUNNING', ?, ?) ON CONFLICT (practice_id, as_of) DO NOTHING""";
    static final String FIND_RUN = """
            SELECT id, practice_id, as_of, status, issued, small_balance, skipped_hold, skipped_undeliverable,
                skipped_plan, skipped_placed, amount_due, started_by, started_at, completed_at
            FROM statement_run WHERE id = ?""";
    static final String FIND_RUN_BY_DATE = """
            SELECT id, practice_id, as_of, status, issued, small_balance, skipped_hold, skipped_undeliverable,
                skipped_plan, skipped_placed, amount_due, started_by, started_at, completed_at
            FROM statement_run WHERE practice_id = ? AND as_of = ?""";
    static final String ADD_COUNTS = """
            UPDATE statement_run SET issued = issued + ?, small_balance = small_balance + ?, skipped_hold = skipped_hold + ?,
                skipped_undeliverable = skipped_undeliverable + ?, skipped_plan = skipped_plan + ?,
                skipped_placed = skipped_placed + ?, amount_due = amount_due + ?
            WHERE id = ?""";
    static final String COMPLETE_RUN = "UPDATE statement_run SET status = 'COMPLETE', completed_at = ? WHERE id = ?";
    static final String CHUNK_IDS = """
            SELECT id FROM account WHERE practice_id = ? AND patient_balance > 0 AND id > ? ORDER BY id LIMIT ?""";
    static final String CANDIDATES = """
            SELECT a.id, a.patient_id, a.patient_balance, a.balance_version, d.level, d.last_statement_on,
                EXISTS (SELECT 1 FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL) AS placed,
                EXISTS (SELECT 1 FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
                        AND (h.until IS NULL OR h.until >= ?)) AS held,
                COALESCE(pt.address_undeliverable, FALSE) AS undeliverable,
                EXISTS (SELECT 1 FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status = 'ACTIVE') AS on_plan,
                EXISTS (SELECT 1 FROM write_off_request w WHERE w.account_id = a.id AND w.kind = 'SMALL_BALANCE'
                        AND w.account_version = a.balance_version) AS small_requested
            FROM account a
            LEFT JOIN account_dunning d ON d.account_id = a.id
            LEFT JOIN patient pt ON pt.id = a.patient_id
            WHERE a.id = ANY (?) AND a.patient_balance > 0 AND a.merged_into IS NULL
            ORDER BY a.id""";
    static final String INSERT_STATEMENT = """
            INSERT INTO statement (id, run_id, seq, account_id, practice_id, patient_id, level, statement_date, due_date,
                amount_due, account_version, issued_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, statement_date) DO NOTHING""";
    static final String UPSERT_DUNNING = """
            INSERT INTO account_dunning AS d (account_id, practice_id, level, first_statement_on, last_statement_on,
                last_statement_id, statements)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (account_id) DO UPDATE SET level = EXCLUDED.level, last_statement_on = EXCLUDED.last_statement_on,
                last_statement_id = EXCLUDED.last_statement_id, statements = d.statements + 1""";
    static final String RESET_DUNNING = "DELETE FROM account_dunning WHERE account_id = ANY (?)";
    static final String BUMP_VERSIONS = """
            UPDATE account SET collections_version = collections_version + 1 WHERE id = ANY (?)
            RETURNING id, collections_version""";
    static final String MAX_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM statement WHERE run_id = ?";
    static final String FIND_STATEMENT = """
            SELECT s.id, s.run_id, s.seq, s.account_id, s.practice_id, s.patient_id, s.level, s.statement_date, s.due_date,
                s.amount_due, p.first_name, p.last_name, p.guarantor_first_name, p.guarantor_last_name,
                p.address_line1, p.address_line2, p.address_city, p.address_state, p.address_postal_code,
                p.guarantor_line1, p.guarantor_line2, p.guarantor_city, p.guarantor_state, p.guarantor_postal_code
            FROM statement s LEFT JOIN patient p ON p.id = s.patient_id WHERE s.id = ?""";
    /**
     * A page of the run in file order; the page is taken first, so its scan goes straight to the LIMIT, and each
     * statement's patient is looked up by its key (LATERAL with LIMIT 1, which the planner cannot flatten: a generic plan would otherwise hash the whole table).
     */
    static final String RUN_PAGE = """
            SELECT s.id, s.run_id, s.seq, s.account_id, s.practice_id, s.patient_id, s.level, s.statement_date, s.due_date,
                s.amount_due, p.first_name, p.last_name, p.guarantor_first_name, p.guarantor_last_name,
                p.address_line1, p.address_line2, p.address_city, p.address_state, p.address_postal_code,
                p.guarantor_line1, p.guarantor_line2, p.guarantor_city, p.guarantor_state, p.guarantor_postal_code
            FROM (SELECT * FROM statement WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?) s
            LEFT JOIN LATERAL (SELECT * FROM patient WHERE id = s.patient_id LIMIT 1) p ON true ORDER BY s.seq""";
    /** The services of an account up to a date: one line per claim line, with what insurance paid and adjusted. */
    static final String LINES = """
            SELECT COALESCE(claim_line_id, claim_id) AS line,
                MIN(CASE WHEN type = 'CHARGE' THEN COALESCE(service_date, effective_date) END) AS service_date,
                COALESCE(SUM(CASE WHEN type = 'CHARGE' THEN amount END), 0) AS charge,
                COALESCE(SUM(CASE WHEN type = 'PAYMENT' AND responsibility = 'INSURANCE' THEN amount
                                  WHEN type = 'PAYMENT_REVERSAL' AND responsibility = 'INSURANCE' THEN -amount END), 0) AS insurance_paid,
                COALESCE(SUM(CASE WHEN type = 'ADJUSTMENT' AND COALESCE(entry_type, '') <> 'TRANSFER'
                                  THEN -(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)) END), 0) AS adjusted,
                COALESCE(SUM(CASE WHEN type = 'PAYMENT' AND responsibility = 'PATIENT' THEN amount
                                  WHEN type = 'PAYMENT_REVERSAL' AND responsibility = 'PATIENT' THEN -amount END), 0) AS patient_paid
            FROM movement
            WHERE account_id = ? AND effective_date <= ? AND COALESCE(claim_line_id, claim_id) IS NOT NULL
            GROUP BY COALESCE(claim_line_id, claim_id)
            ORDER BY 2 NULLS LAST, 1
            LIMIT 500""";

    @Inject
    Jdbc jdbc;

    @Inject
    AccountChanges changes;


    /** One account of a chunk: the facts the rules decide on, and what a statement or write-off needs. */
    public record Candidate(UUID accountId, UUID patientId, long balanceVersion, StatementCandidate facts) {
    }

    public record NewStatement(UUID id, UUID runId, int seq, UUID accountId, String practiceId, UUID patientId,
                               DunningLevel level, LocalDate statementDate, LocalDate dueDate, BigDecimal amountDue,
                               long accountVersion, Instant issuedAt) {
    }

    /** A statement as shown: the row and its addressee (PHI). */
    public record StoredStatement(UUID id, UUID runId, int seq, UUID accountId, String practiceId, UUID patientId,
                                  DunningLevel level, LocalDate statementDate, LocalDate dueDate, BigDecimal amountDue,
                                  String name, List<String> address) {
        @Override
        public String toString() {
            return "StoredStatement[id=" + id + "]";
        }
    }

    public boolean insertRun(UUID id, String practiceId, LocalDate asOf, String actor, Instant now) {
        return jdbc.update(INSERT_RUN, id, practiceId, asOf, actor, now) == 1;
    }

    public Optional<StatementRun> run(UUID id) {
        return jdbc.one(FIND_RUN, StatementStore::run, id);
    }

    public Optional<StatementRun> run(String practiceId, LocalDate asOf) {
        return jdbc.one(FIND_RUN_BY_DATE, StatementStore::run, practiceId, asOf);
    }

    public void addCounts(UUID runId, int issued, int small, int hold, int undeliverable, int plan, int placed, BigDecimal due) {
        jdbc.update(ADD_COUNTS, issued, small, hold, undeliverable, plan, placed, due, runId);
    }

    public void complete(UUID runId, Instant now) {
        jdbc.update(COMPLETE_RUN, now, runId);
    }

    public List<UUID> chunk(String practiceId, UUID after, int size) {
        return jdbc.list(CHUNK_IDS, rs -> Jdbc.uuid(rs, "id"), practiceId, after, size);
    }

    public List<Candidate> candidates(UUID[] accounts, LocalDate asOf) {
        return jdbc.list(CANDIDATES, rs -> {
            String level = rs.getString("level");
            StatementCandidate facts = new StatementCandidate(rs.getBigDecimal("patient_balance"), rs.getBoolean("held"),
                    rs.getBoolean("undeliverable"), rs.getBoolean("on_plan"), rs.getBoolean("placed"),
                    Jdbc.date(rs, "last_statement_on"), level == null ? null : DunningLevel.valueOf(level),
                    rs.getBoolean("small_requested"));
            return new Candidate(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "patient_id"), rs.getLong("balance_version"), facts);
        }, asOf, accounts);
    }

    public int maxSeq(UUID runId) {
        return (int) jdbc.count(MAX_SEQ, runId);
    }

    /** Inserts the statements (one batch) and answers those inserted (a statement of that account and date already there is left out). */
    public List<NewStatement> insert(List<NewStatement> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        return jdbc.work(c -> {
            int[] counts;
            try (PreparedStatement s = c.prepareStatement(INSERT_STATEMENT)) {
                for (NewStatement n : statements) {
                    Jdbc.bind(s, n.id(), n.runId(), n.seq(), n.accountId(), n.practiceId(), n.patientId(), n.level().name(),
                            n.statementDate(), n.dueDate(), n.amountDue(), n.accountVersion(), n.issuedAt());
                    s.addBatch();
                }
                counts = s.executeBatch();
            }
            List<NewStatement> inserted = new ArrayList<>(statements.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    inserted.add(statements.get(i));
                }
            }
            try (PreparedStatement d = c.prepareStatement(UPSERT_DUNNING)) {
                for (NewStatement n : inserted) {
                    Jdbc.bind(d, n.accountId(), n.practiceId(), n.level().name(), n.statementDate(), n.statementDate(), n.id());
                    d.addBatch();
                }
                d.executeBatch();
            }
            return inserted;
        });
    }

    /** Bumps the accounts' collections versions (one statement) and answers each one's new version. */
    public Map<UUID, Long> bumpVersions(UUID[] accounts) {
        changes.changed(accounts);
        Map<UUID, Long> versions = new HashMap<>();
        if (accounts.length == 0) {
            return versions;
        }
        jdbc.list(BUMP_VERSIONS, rs -> versions.put(Jdbc.uuid(rs, "id"), rs.getLong("collections_version")), (Object) accounts);
        return versions;
    }

    /** The patient balance was paid to zero: the next balance starts its dunning at the first level. */
    /** The accounts' next patient balances start their dunning cycles at the first statement again. */
    public void resetDunning(Collection<UUID> accountIds) {
        jdbc.update(RESET_DUNNING, (Object) accountIds.toArray(UUID[]::new));
    }

    public Optional<StoredStatement> statement(UUID id) {
        return jdbc.one(FIND_STATEMENT, StatementStore::statement, id);
    }

    public List<StoredStatement> runPage(UUID runId, int afterSeq, int size) {
        return jdbc.list(RUN_PAGE, StatementStore::statement, runId, afterSeq, size);
    }

    public List<StatementLine> lines(UUID accountId, LocalDate upTo) {
        return jdbc.list(LINES, rs -> new StatementLine(Jdbc.date(rs, "service_date"), "Services (claim line "
                + rs.getString("line").substring(0, 8) + ")", rs.getBigDecimal("charge"), rs.getBigDecimal("insurance_paid"),
                rs.getBigDecimal("adjusted"), rs.getBigDecimal("patient_paid")), accountId, upTo);
    }

    private static StatementRun run(ResultSet rs) throws SQLException {
        return new StatementRun(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), Jdbc.date(rs, "as_of"), rs.getString("status"),
                rs.getInt("issued"), rs.getInt("small_balance"), rs.getInt("skipped_hold"), rs.getInt("skipped_undeliverable"),
                rs.getInt("skipped_plan"), rs.getInt("skipped_placed"), rs.getBigDecimal("amount_due"),
                rs.getString("started_by"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "completed_at"));
    }

    private static StoredStatement statement(ResultSet rs) throws SQLException {
        boolean guarantor = rs.getString("guarantor_last_name") != null && rs.getString("guarantor_line1") != null;
        String first = rs.getString(guarantor ? "guarantor_first_name" : "first_name");
        String last = rs.getString(guarantor ? "guarantor_last_name" : "last_name");
        String prefix = guarantor ? "guarantor_" : "address_";
        List<String> address = new ArrayList<>();
        String line1 = rs.getString(prefix + "line1");
        if (line1 != null) {
            address.add(line1);
        }
        String line2 = rs.getString(prefix + "line2");
        if (line2 != null && !line2.isBlank()) {
            address.add(line2);
        }
        String city = rs.getString(prefix + "city");
        if (city != null) {
            address.add(city + ", " + rs.getString(prefix + "state") + " " + zip(rs.getString(prefix + "postal_code")));
        }
        String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
        return new StoredStatement(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "run_id"), rs.getInt("seq"), Jdbc.uuid(rs, "account_id"),
                rs.getString("practice_id"), Jdbc.uuid(rs, "patient_id"), DunningLevel.valueOf(rs.getString("level")),
                Jdbc.date(rs, "statement_date"), Jdbc.date(rs, "due_date"), rs.getBigDecimal("amount_due"),
                name.isEmpty() ? "Patient" : name, address);
    }

    private static String zip(String code) {
        return code != null && code.length() == 9 ? code.substring(0, 5) + "-" + code.substring(5) : code == null ? "" : code;
    }
}
