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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    /** The batch's accounts, locked in id order (two batches lock shared accounts in one order). */
    static final String LOCK_ALL = "SELECT " + COLUMNS + " FROM account WHERE id = ANY (?) ORDER BY id FOR UPDATE";
    /** Accounts new to collections, one row each; the ids inserted (another instance may have inserted one first). */
    static final String INSERT_ALL = """
            INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance, credit_balance,
                oldest_open_service_date, balance_version, first_seen_at, updated_at)
            SELECT u.id, u.practice_id, u.patient_id, u.balance, u.insurance_balance, u.patient_balance, u.credit_balance,
                u.oldest_open_service_date, u.balance_version, CAST(? AS timestamptz), CAST(? AS timestamptz)
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS date[]), CAST(? AS bigint[]))
                AS u (id, practice_id, patient_id, balance, insurance_balance, patient_balance, credit_balance,
                      oldest_open_service_date, balance_version)
            ORDER BY u.id
            ON CONFLICT (id) DO NOTHING
            RETURNING id""";
    /** Known accounts' newer balances, one row each (locked by LOCK_ALL first). */
    static final String UPDATE_ALL = """
            UPDATE account a SET balance = u.balance, insurance_balance = u.insurance_balance,
                patient_balance = u.patient_balance, credit_balance = u.credit_balance,
                oldest_open_service_date = u.oldest_open_service_date, balance_version = u.balance_version,
                updated_at = CAST(? AS timestamptz)
            FROM unnest(CAST(? AS uuid[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                CAST(? AS numeric[]), CAST(? AS date[]), CAST(? AS bigint[]))
                AS u (id, balance, insurance_balance, patient_balance, credit_balance, oldest_open_service_date,
                      balance_version)
            WHERE a.id = u.id AND a.balance_version < u.balance_version""";
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

    /** Payments' balances of an account at one version (an AccountBalanceChanged). */
    public record Incoming(UUID accountId, String practiceId, UUID patientId, AccountBalances balances) {
    }

    /** What applying one balance did: whether it changed the account, and whether it brought the account in. */
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
     * Applies payments' balances, in order, each when newer than what its account holds: one outcome per balance,
     * as if applied one after another, in a few statements for the whole list — the accounts locked, the new ones
     * inserted and the known ones updated at their newest version — and each account's part of its practice's
     * aging moved from what it was to that newest, in the same transaction.
     */
    public List<Applied> applyAll(List<Incoming> incoming, Instant now) {
        Map<UUID, Incoming> newest = new TreeMap<>();
        for (Incoming in : incoming) {
            newest.merge(in.accountId(), in, (a, b) -> b.balances().version() > a.balances().version() ? b : a);
        }
        UUID[] ids = newest.keySet().toArray(UUID[]::new);
        changes.changed(ids);
        Map<UUID, Account> before = new HashMap<>();
        for (Account a : jdbc.list(LOCK_ALL, AccountStore::row, (Object) ids)) {
            before.put(a.id(), a);
        }
        List<Incoming> unknown = newest.values().stream().filter(in -> !before.containsKey(in.accountId())).toList();
        Set<UUID> inserted = new HashSet<>();
        if (!unknown.isEmpty()) {
            inserted.addAll(jdbc.list(INSERT_ALL, rs -> Jdbc.uuid(rs, "id"), now, now,
                    Jdbc.array("uuid", unknown, Incoming::accountId), Jdbc.array("text", unknown, Incoming::practiceId),
                    Jdbc.array("uuid", unknown, Incoming::patientId), Jdbc.array("numeric", unknown, in -> in.balances().balance()),
                    Jdbc.array("numeric", unknown, in -> in.balances().insuranceBalance()),
                    Jdbc.array("numeric", unknown, in -> in.balances().patientBalance()),
                    Jdbc.array("numeric", unknown, in -> in.balances().creditBalance()),
                    Jdbc.array("date", unknown, in -> in.balances().oldestOpenServiceDate()),
                    Jdbc.array("bigint", unknown, in -> in.balances().version())));
            if (inserted.size() < unknown.size()) {
                // another instance brought some in meanwhile: they are known accounts now
                UUID[] raced = unknown.stream().map(Incoming::accountId).filter(id -> !inserted.contains(id)).toArray(UUID[]::new);
                for (Account a : jdbc.list(LOCK_ALL, AccountStore::row, (Object) raced)) {
                    before.put(a.id(), a);
                }
            }
        }
        List<Incoming> newer = new ArrayList<>();
        for (Incoming in : newest.values()) {
            Account old = before.get(in.accountId());
            if (inserted.contains(in.accountId())) {
                age(in.practiceId(), AgingContribution.change(null, in.balances().contribution()));
            } else if (old.balances().version() < in.balances().version()) {
                newer.add(in);
                age(old.practiceId(), AgingContribution.change(old.balances().contribution(), in.balances().contribution()));
            }
        }
        if (!newer.isEmpty()) {
            jdbc.update(UPDATE_ALL, now, Jdbc.array("uuid", newer, Incoming::accountId),
                    Jdbc.array("numeric", newer, in -> in.balances().balance()),
                    Jdbc.array("numeric", newer, in -> in.balances().insuranceBalance()),
                    Jdbc.array("numeric", newer, in -> in.balances().patientBalance()),
                    Jdbc.array("numeric", newer, in -> in.balances().creditBalance()),
                    Jdbc.array("date", newer, in -> in.balances().oldestOpenServiceDate()),
                    Jdbc.array("bigint", newer, in -> in.balances().version()));
        }
        // each balance's outcome as if applied in order: changed when newer than the account and every balance before it
        Map<UUID, Long> held = new HashMap<>();
        before.forEach((id, a) -> held.put(id, a.balances().version()));
        List<Applied> applied = new ArrayList<>(incoming.size());
        for (Incoming in : incoming) {
            Long version = held.get(in.accountId());
            boolean changed = version == null || version < in.balances().version();
            applied.add(new Applied(changed, version == null && inserted.contains(in.accountId())));
            if (changed) {
                held.put(in.accountId(), in.balances().version());
            }
        }
        return applied;
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
