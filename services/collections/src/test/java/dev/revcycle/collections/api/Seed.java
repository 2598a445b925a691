package dev.revcycle.collections.api;

import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The read model as payments' and patients' events would leave it, written directly (these tests are about
 * statements, plans and placement, not about learning the events): accounts, patients, movements, holds.
 */
final class Seed {
    private final AgroalDataSource db;

    Seed(AgroalDataSource db) {
        this.db = db;
    }

    void sql(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            dev.revcycle.collections.store.Jdbc.bind(s, params);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account with that patient balance, its patient (named, addressed) and a charge of that line. */
    UUID account(String practice, String patientBalance, LocalDate serviceDate, String first, String last) {
        UUID account = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Instant now = Instant.now();
        sql("""
                INSERT INTO patient (id, practice_id, first_name, last_name, address_line1, address_city, address_state,
                    address_postal_code, version, updated_at) VALUES (?, ?, ?, ?, '12 Main St', 'Springfield', 'IL', '627011234', 1, ?)""",
                patient, practice, first, last, now);
        BigDecimal balance = new BigDecimal(patientBalance);
        sql("""
                INSERT INTO account (id, practice_id, patient_id, balance, patient_balance, oldest_open_service_date,
                    balance_version, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?)""",
                account, practice, patient, balance, balance, serviceDate, now, now);
        if (balance.signum() > 0) {
            UUID line = UUID.randomUUID();
            UUID claim = UUID.randomUUID();
            BigDecimal charge = balance.add(new BigDecimal("80.00"));
            movement(account, practice, "CHARGE", null, null, charge, "INSURANCE", claim, line, serviceDate, null);
            movement(account, practice, "PAYMENT", null, "ERA", new BigDecimal("60.00"), "INSURANCE", claim, line, serviceDate.plusDays(20),
                    null);
            movement(account, practice, "ADJUSTMENT", "CONTRACTUAL", null, new BigDecimal("20.00"), "INSURANCE", claim, line,
                    serviceDate.plusDays(20), new BigDecimal("-20.00"));
            movement(account, practice, "ADJUSTMENT", "TRANSFER", null, balance, "PATIENT", claim, line, serviceDate.plusDays(20),
                    null);
        }
        return account;
    }

    void movement(UUID account, String practice, String type, String kind, String method, BigDecimal amount,
                  String responsibility, UUID claim, UUID line, LocalDate date, BigDecimal insuranceEffect) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO movement (id, account_id, practice_id, type, kind, entry_type, amount, responsibility, insurance_effect,
                    patient_effect, claim_id, claim_line_id, method, service_date, effective_date, account_version, learnt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 2, ?)""",
                id, account, practice, type, kind, "TRANSFER".equals(kind) ? "TRANSFER" : null, amount,
                responsibility, dev.revcycle.collections.store.Jdbc.money(insuranceEffect), claim, line, method, date, date,
                Instant.now());
        // as the movement consumer does: the new movement adds to its practice's day
        sql(dev.revcycle.collections.store.KpiStore.ADD_MOVEMENTS, (Object) new UUID[] {id});
    }

    void hold(UUID account, String practice, String type) {
        sql("""
                INSERT INTO collection_hold (id, account_id, practice_id, patient_id, type, placed_by, placed_at)
                SELECT ?, id, practice_id, patient_id, ?, 'test', now() FROM account WHERE id = ?""",
                UUID.randomUUID(), type, account);
    }

    void undeliverable(UUID account) {
        sql("UPDATE patient SET address_undeliverable = TRUE WHERE id = (SELECT patient_id FROM account WHERE id = ?)", account);
    }

    void balance(UUID account, String patientBalance, long version) {
        sql("UPDATE account SET patient_balance = ?, balance = ?, balance_version = ? WHERE id = ?",
                new BigDecimal(patientBalance), new BigDecimal(patientBalance), version, account);
    }
}
