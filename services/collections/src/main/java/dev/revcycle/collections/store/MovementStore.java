package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.Movement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The ledger's movements (movement), once each by id. */
@ApplicationScoped
public class MovementStore {
    /**
     * A charge's date of service is its effective date; any other movement of a claim line takes the date of
     * service of that line's charge (when it arrived first, as payments publishes them in order). A REVERSAL's
     * effects are its original's, negated.
     */
    static final String INSERT = """
            INSERT INTO movement (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
                insurance_effect, patient_effect, claim_id, claim_line_id, payment_id, method, source, group_code,
                reason_code, reversal_of, service_date, effective_date, posted_at, account_version, learnt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
                coalesce(?, -(SELECT o.insurance_effect FROM movement o WHERE o.id = ?)),
                coalesce(?, -(SELECT o.patient_effect FROM movement o WHERE o.id = ?)),
                ?, ?, ?, ?, ?, ?, ?, ?,
                CASE WHEN ? = 'CHARGE' THEN CAST(? AS date) ELSE
                    (SELECT c.service_date FROM movement c WHERE c.claim_line_id = ? AND c.type = 'CHARGE'
                     ORDER BY c.effective_date LIMIT 1) END,
                ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";
    static final String OF_ACCOUNT = """
            SELECT id, type, kind, entry_type, amount, responsibility, insurance_effect, patient_effect, claim_id,
                claim_line_id, service_date, effective_date
            FROM movement WHERE account_id = ? ORDER BY effective_date DESC, id LIMIT ?""";

    /** A movement as stored, with the effects and date of service worked out. */
    public record StoredMovement(UUID id, String type, String kind, String entryType, BigDecimal amount,
                                 String responsibility, BigDecimal insuranceEffect, BigDecimal patientEffect,
                                 UUID claimId, UUID claimLineId, LocalDate serviceDate, LocalDate effectiveDate) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    AccountChanges changes;

    @Inject
    PracticeDays days;

    /** @return whether it was new; a new movement is added to its practice's day (kpi_day) in the same transaction, before it commits */
    public boolean add(Movement m, Instant now) {
        BigDecimal[] effects = m.effects();
        UUID reversalOf = m.reversalOf();
        boolean added = jdbc.update(INSERT, m.id(), m.accountId(), m.practiceId(), Jdbc.uuid(m.patientId()), m.type().name(),
                Jdbc.text(m.kind()), Jdbc.text(m.entryType()), m.amount(), Jdbc.text(m.responsibility()),
                Jdbc.money(effects[0]), Jdbc.uuid(reversalOf), Jdbc.money(effects[1]), Jdbc.uuid(reversalOf),
                Jdbc.uuid(m.claimId()), Jdbc.uuid(m.claimLineId()), Jdbc.uuid(m.paymentId()), Jdbc.text(m.method()),
                Jdbc.text(m.source()), Jdbc.text(m.groupCode()), Jdbc.text(m.reasonCode()), Jdbc.uuid(reversalOf),
                m.type().name(), Jdbc.date(m.effectiveDate()), Jdbc.uuid(m.claimLineId()),
                m.effectiveDate(), m.postedAt(), m.accountVersion(), now) == 1;
        if (added) {
            days.movement(m.id());
            // a patient payment may keep a promise, or pay a plan off
            changes.changed(m.accountId());
        }
        return added;
    }

    /** The account's latest movements, newest first (at most {@code limit}). */
    public List<StoredMovement> ofAccount(UUID accountId, int limit) {
        return jdbc.list(OF_ACCOUNT, rs -> new StoredMovement(Jdbc.uuid(rs, "id"), rs.getString("type"),
                rs.getString("kind"), rs.getString("entry_type"), rs.getBigDecimal("amount"),
                rs.getString("responsibility"), rs.getBigDecimal("insurance_effect"), rs.getBigDecimal("patient_effect"),
                Jdbc.uuid(rs, "claim_id"), Jdbc.uuid(rs, "claim_line_id"), Jdbc.date(rs, "service_date"),
                Jdbc.date(rs, "effective_date")), accountId, limit);
    }
}
