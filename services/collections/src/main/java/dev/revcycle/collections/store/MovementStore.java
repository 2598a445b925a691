package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.Movement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The ledger's movements (movement), once each by id. */
@ApplicationScoped
public class MovementStore {
    /**
     * A charge's date of service is its effective date; any other movement of a claim line takes the date of
     * service of that line's charge (when it arrived first, as payments publishes them in order). A REVERSAL's
     * effects are its original's, negated.
     */
    static final String INSERT_ALL = """
            INSERT INTO movement (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
                insurance_effect, patient_effect, claim_id, claim_line_id, payment_id, method, source, group_code,
                reason_code, reversal_of, service_date, effective_date, posted_at, account_version, learnt_at)
            SELECT u.id, u.account_id, u.practice_id, u.patient_id, u.type, u.kind, u.entry_type, u.amount, u.responsibility,
                coalesce(u.insurance_effect, -(SELECT o.insurance_effect FROM movement o WHERE o.id = u.reversal_of)),
                coalesce(u.patient_effect, -(SELECT o.patient_effect FROM movement o WHERE o.id = u.reversal_of)),
                u.claim_id, u.claim_line_id, u.payment_id, u.method, u.source, u.group_code, u.reason_code, u.reversal_of,
                CASE WHEN u.type = 'CHARGE' THEN u.effective_date ELSE
                    (SELECT c.service_date FROM movement c WHERE c.claim_line_id = u.claim_line_id AND c.type = 'CHARGE'
                     ORDER BY c.effective_date LIMIT 1) END,
                u.effective_date, u.posted_at, u.account_version, CAST(? AS timestamptz)
            FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS numeric[]),
                CAST(? AS numeric[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS date[]),
                CAST(? AS timestamptz[]), CAST(? AS bigint[]))
                AS u (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
                      insurance_effect, patient_effect, claim_id, claim_line_id, payment_id, method, source, group_code,
                      reason_code, reversal_of, effective_date, posted_at, account_version)
            ON CONFLICT (id) DO NOTHING
            RETURNING id""";
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

    /**
     * Adds the movements, in order, each once by its id: whether each was new, in a statement per wave — a movement
     * that needs one before it in the list (the original it reverses, the charge of its claim line, for its date of
     * service) waits for the next wave, so it sees that one as if they had been added one after another. A new
     * movement is added to its practice's day (kpi_day) in the same transaction, before it commits.
     */
    public List<Boolean> addAll(List<Movement> list, Instant now) {
        List<Boolean> added = new ArrayList<>(Collections.nCopies(list.size(), false));
        Set<UUID> ids = new HashSet<>();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (ids.add(list.get(i).id())) {
                left.add(i); // a repeated id is not new
            }
        }
        while (!left.isEmpty()) {
            Set<UUID> waiting = new HashSet<>();
            Set<UUID> waitingChargeLines = new HashSet<>();
            List<Integer> wave = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int i : left) {
                Movement m = list.get(i);
                boolean needsOneBefore = (m.reversalOf() != null && waiting.contains(m.reversalOf()))
                        || (m.type() != Movement.Type.CHARGE && m.claimLineId() != null && waitingChargeLines.contains(m.claimLineId()));
                (needsOneBefore ? next : wave).add(i);
                waiting.add(m.id());
                if (m.type() == Movement.Type.CHARGE && m.claimLineId() != null) {
                    waitingChargeLines.add(m.claimLineId());
                }
            }
            List<Movement> rows = wave.stream().map(list::get).toList();
            Set<UUID> inserted = new HashSet<>(jdbc.list(INSERT_ALL, rs -> Jdbc.uuid(rs, "id"), now,
                    Jdbc.array("uuid", rows, Movement::id), Jdbc.array("uuid", rows, Movement::accountId),
                    Jdbc.array("text", rows, Movement::practiceId), Jdbc.array("uuid", rows, Movement::patientId),
                    Jdbc.array("text", rows, m -> m.type().name()), Jdbc.array("text", rows, Movement::kind),
                    Jdbc.array("text", rows, Movement::entryType), Jdbc.array("numeric", rows, Movement::amount),
                    Jdbc.array("text", rows, Movement::responsibility), Jdbc.array("numeric", rows, m -> m.effects()[0]),
                    Jdbc.array("numeric", rows, m -> m.effects()[1]), Jdbc.array("uuid", rows, Movement::claimId),
                    Jdbc.array("uuid", rows, Movement::claimLineId), Jdbc.array("uuid", rows, Movement::paymentId),
                    Jdbc.array("text", rows, Movement::method), Jdbc.array("text", rows, Movement::source),
                    Jdbc.array("text", rows, Movement::groupCode), Jdbc.array("text", rows, Movement::reasonCode),
                    Jdbc.array("uuid", rows, Movement::reversalOf), Jdbc.array("date", rows, Movement::effectiveDate),
                    Jdbc.array("timestamptz", rows, Movement::postedAt), Jdbc.array("bigint", rows, Movement::accountVersion)));
            for (int i : wave) {
                Movement m = list.get(i);
                if (inserted.contains(m.id())) {
                    added.set(i, true);
                    days.movement(m.id());
                    // a patient payment may keep a promise, or pay a plan off
                    changes.changed(m.accountId());
                }
            }
            left = next;
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
