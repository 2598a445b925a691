package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.AccountBalances;
import dev.revcycle.collections.domain.AgingContribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account read model (account) and the practice aging it feeds (aging_day), changed together in the
 * caller's transaction: an account's row and its part of aging_day never disagree.
 */
@ApplicationScoped
public class AccountStore {
    static final String COLUMNS = "id, practice_id, patient_id, balance, insurance_balance, patient_balance, "
            + "credit_balance, oldest_open_service_date, balance_version, promise_to_pay_until, promise_to_pay_amount, "
            + "merged_into";
    static final String FIND = "SELECT " + COLUMNS + " FROM account WHERE id = ?";
    static final String LOCK = "SELECT " + COLUMNS + " FROM account WHERE id = ? FOR UPDATE";
    static final String OF_PATIENT = "SELECT " + COLUMNS + " FROM account WHERE patient_id = ? AND practice_id = ? "
            + "ORDER BY id LIMIT 20";
    static final String OF_PATIENTS = "SELECT " + COLUMNS + " FROM account WHERE patient_id = ANY (?) AND practice_id = ? "
            + "ORDER BY patient_id, id LIMIT 2000";
    static final String INSERT = """
            INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance, credit_balance,
                oldest_open_service_date, balance_version, first_seen_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";
    static final String UPDATE = """
            UPDATE account SET balance = ?, insurance_balance = ?, patient_balance = ?, credit_balance = ?,
                oldest_open_service_date = ?, balance_version = ?, updated_at = ?
            WHERE id = ? AND balance_version < ?""";
    static final String PROMISE = "UPDATE account SET promise_to_pay_until = ?, promise_to_pay_amount = ?, updated_at = ? "
            + "WHERE id = ?";
    static final String MERGED = "UPDATE account SET merged_into = ?, updated_at = ? WHERE id = ? AND merged_into IS NULL";
    /** The next number of the account's own collections events (and the row lock that orders them). */
    static final String NEXT_VERSION = "UPDATE account SET collections_version = collections_version + 1 WHERE id = ? "
            + "RETURNING collections_version";
    /**
     * Aging of one practice at a day: one row per oldest open date of service of the practice (not per account).
     * Bucket -1 is the undated (an open balance without a date of service); 0..4 are 0-30 … 120+.
     */
    static final String AGING = """
            SELECT CASE WHEN service_date = DATE '9999-12-31' THEN -1
                        WHEN CAST(? AS date) - service_date <= 30 THEN 0
                        WHEN CAST(? AS date) - service_date <= 60 THEN 1
                        WHEN CAST(? AS date) - service_date <= 90 THEN 2
                        WHEN CAST(? AS date) - service_date <= 120 THEN 3
                        ELSE 4 END AS bucket,
                   sum(accounts) AS accounts, sum(patient_accounts) AS patient_accounts,
                   sum(insurance_accounts) AS insurance_accounts, sum(patient_balance) AS patient_balance,
                   sum(insurance_balance) AS insurance_balance
            FROM aging_day WHERE practice_id = ? GROUP BY 1""";

    /** One bucket's sums (bucket -1: undated). */
    public record AgingRow(int bucket, long accounts, long patientAccounts, long insuranceAccounts,
                           BigDecimal patientBalance, BigDecimal insuranceBalance) {
    }

    /** What applying a balance did: the account before (null if it was not known) and whether it changed. */
    public record Applied(boolean changed, boolean firstSeen) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    AccountChanges changes;

    @Inject
    PracticeDays days;

    public Optional<Account> find(UUID id) {
        return jdbc.one(FIND, AccountStore::row, id);
    }

    public Optional<Account> lock(UUID id) {
        return jdbc.one(LOCK, AccountStore::row, id);
    }

    public List<Account> ofPatient(UUID patientId, String practiceId) {
        return jdbc.list(OF_PATIENT, AccountStore::row, patientId, practiceId);
    }

    public List<Account> ofPatients(Collection<UUID> patientIds, String practiceId) {
        return jdbc.list(OF_PATIENTS, AccountStore::row, patientIds.toArray(UUID[]::new), practiceId);
    }

    /**
     * Applies payments' balances of an account when newer than what the row reflects, and moves the account's
     * part of its practice's aging in the same transaction.
     */
    public Applied apply(UUID id, String practiceId, UUID patientId, AccountBalances b, Instant now) {
        Optional<Account> before = lock(id);
        changes.changed(id);
        if (before.isEmpty()) {
            int inserted = jdbc.update(INSERT, id, practiceId, patientId, b.balance(), b.insuranceBalance(),
                    b.patientBalance(), b.creditBalance(), Jdbc.date(b.oldestOpenServiceDate()), b.version(), now, now);
            if (inserted == 1) {
                age(practiceId, AgingContribution.change(null, b.contribution()));
                return new Applied(true, true);
            }
            before = lock(id);
        }
        Account old = before.orElseThrow();
        if (old.balances().version() >= b.version()) {
            return new Applied(false, false);
        }
        jdbc.update(UPDATE, b.balance(), b.insuranceBalance(), b.patientBalance(), b.creditBalance(),
                Jdbc.date(b.oldestOpenServiceDate()), b.version(), now, id, b.version());
        age(old.practiceId(), AgingContribution.change(old.balances().contribution(), b.contribution()));
        return new Applied(true, false);
    }

    private void age(String practiceId, List<AgingContribution> changes) {
        days.aging(practiceId, changes);
    }

    public List<AgingRow> aging(String practiceId, LocalDate asOf) {
        return jdbc.list(AGING, rs -> new AgingRow(rs.getInt("bucket"), rs.getLong("accounts"),
                rs.getLong("patient_accounts"), rs.getLong("insurance_accounts"), rs.getBigDecimal("patient_balance"),
                rs.getBigDecimal("insurance_balance")), asOf, asOf, asOf, asOf, practiceId);
    }

    public void promise(UUID accountId, LocalDate until, BigDecimal amount, Instant now) {
        changes.changed(accountId);
        jdbc.update(PROMISE, Jdbc.date(until), Jdbc.money(amount), now, accountId);
    }

    public boolean markMerged(UUID accountId, UUID survivorAccountId, Instant now) {
        changes.changed(accountId, survivorAccountId);
        return jdbc.update(MERGED, survivorAccountId, now, accountId) == 1;
    }

    /** The account's next collections event version; locks its row until the transaction ends. */
    public long nextVersion(UUID accountId) {
        changes.changed(accountId);
        return jdbc.one(NEXT_VERSION, rs -> rs.getLong(1), accountId).orElseThrow();
    }

    static Account row(ResultSet rs) throws SQLException {
        AccountBalances b = new AccountBalances(rs.getBigDecimal("balance"), rs.getBigDecimal("insurance_balance"),
                rs.getBigDecimal("patient_balance"), rs.getBigDecimal("credit_balance"),
                Jdbc.date(rs, "oldest_open_service_date"), rs.getLong("balance_version"));
        return new Account(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), Jdbc.uuid(rs, "patient_id"), b,
                Jdbc.date(rs, "promise_to_pay_until"), rs.getBigDecimal("promise_to_pay_amount"),
                Jdbc.uuid(rs, "merged_into"));
    }
}
