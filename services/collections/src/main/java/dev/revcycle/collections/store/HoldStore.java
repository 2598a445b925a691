package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.domain.HoldTerms;
import dev.revcycle.collections.domain.HoldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Holds (collection_hold). */
@ApplicationScoped
public class HoldStore {
    static final String COLUMNS = "id, account_id, practice_id, patient_id, type, note, reference, until, automatic, "
            + "bankruptcy_chapter, bankruptcy_case_number, bankruptcy_filing_date, probate_estate_contact, "
            + "probate_claim_deadline, attorney_firm, attorney_contact, letter_of_protection, expected_settlement_date, "
            + "expected_settlement_amount, disputed, placed_by, placed_at, released_at, released_by, release_reason, "
            + "release_note, discharged_on, write_off_request_id";
    static final String INSERT = "INSERT INTO collection_hold (id, account_id, practice_id, patient_id, type, note, "
            + "reference, until, automatic, bankruptcy_chapter, bankruptcy_case_number, bankruptcy_filing_date, "
            + "probate_estate_contact, probate_claim_deadline, attorney_firm, attorney_contact, letter_of_protection, "
            + "expected_settlement_date, expected_settlement_amount, disputed, placed_by, placed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String FIND = "SELECT " + COLUMNS + " FROM collection_hold WHERE id = ? AND account_id = ?";
    static final String OF_ACCOUNT = "SELECT " + COLUMNS + " FROM collection_hold WHERE account_id = ? "
            + "ORDER BY placed_at DESC, id LIMIT 200";
    static final String ACTIVE_OF_ACCOUNT = "SELECT " + COLUMNS + " FROM collection_hold WHERE account_id = ? "
            + "AND released_at IS NULL AND (until IS NULL OR until >= ?) ORDER BY placed_at, id LIMIT 50";
    static final String ACTIVE_OF_ACCOUNTS = "SELECT " + COLUMNS + " FROM collection_hold WHERE account_id = ANY (?) "
            + "AND released_at IS NULL AND (until IS NULL OR until >= ?) ORDER BY account_id, placed_at, id LIMIT 2000";
    static final String ACTIVE_OF_TYPE = "SELECT " + COLUMNS + " FROM collection_hold WHERE account_id = ? "
            + "AND type = ? AND released_at IS NULL AND (until IS NULL OR until >= ?) LIMIT 1";
    static final String RELEASE = "UPDATE collection_hold SET released_at = ?, released_by = ?, release_reason = ?, "
            + "release_note = ?, discharged_on = ?, write_off_request_id = ? WHERE id = ? AND released_at IS NULL";
    /** Open holds that ended before a day, the next page after a key (until, id): an ordered range of
     *  collection_hold_until, both bounds in its Index Cond, read straight into the constant LIMIT (never sorted). */
    public static final int EXPIRED_PAGE = 500;
    static final String EXPIRED = "SELECT " + COLUMNS + " FROM collection_hold WHERE released_at IS NULL AND until IS NOT NULL "
            + "AND until < ? AND (until, id) > (?, ?) ORDER BY until, id LIMIT " + EXPIRED_PAGE;
    /** The open holds of one account to another, but an automatic one the other already has of its type. */
    static final String MOVE = "UPDATE collection_hold h SET account_id = ?, patient_id = ? WHERE h.account_id = ? "
            + "AND h.released_at IS NULL AND NOT (h.automatic AND EXISTS (SELECT 1 FROM collection_hold s "
            + "WHERE s.account_id = ? AND s.type = h.type AND s.automatic AND s.released_at IS NULL))";

    @Inject
    Jdbc jdbc;

    /** @return whether it was written (an automatic hold of its type already open on the account: not) */
    public boolean insert(Hold h) {
        HoldTerms.Bankruptcy b = h.bankruptcy();
        HoldTerms.Probate p = h.probate();
        HoldTerms.Attorney a = h.attorney();
        return jdbc.update(INSERT, h.id(), h.accountId(), h.practiceId(), h.patientId(), h.type().name(),
                Jdbc.text(h.note()), Jdbc.text(h.reference()), Jdbc.date(h.until()), h.automatic(),
                Jdbc.integer(b == null ? null : b.chapter()), Jdbc.text(b == null ? null : b.caseNumber()),
                Jdbc.date(b == null ? null : b.filingDate()), Jdbc.text(p == null ? null : p.estateContact()),
                Jdbc.date(p == null ? null : p.claimDeadline()), Jdbc.text(a == null ? null : a.firm()),
                Jdbc.text(a == null ? null : a.contact()), Jdbc.bool(a == null ? null : a.letterOfProtection()),
                Jdbc.date(a == null ? null : a.expectedSettlementDate()),
                Jdbc.money(a == null ? null : a.expectedSettlementAmount()),
                Jdbc.text(h.dispute() == null ? null : h.dispute().disputed()), h.placedBy(), h.placedAt()) == 1;
    }

    public Optional<Hold> find(UUID accountId, UUID holdId) {
        return jdbc.one(FIND, HoldStore::row, holdId, accountId);
    }

    public List<Hold> ofAccount(UUID accountId) {
        return jdbc.list(OF_ACCOUNT, HoldStore::row, accountId);
    }

    public List<Hold> activeOf(UUID accountId, LocalDate day) {
        return jdbc.list(ACTIVE_OF_ACCOUNT, HoldStore::row, accountId, day);
    }

    public List<Hold> activeOf(Collection<UUID> accountIds, LocalDate day) {
        return jdbc.list(ACTIVE_OF_ACCOUNTS, HoldStore::row, accountIds.toArray(UUID[]::new), day);
    }

    public Optional<Hold> activeOfType(UUID accountId, HoldType type, LocalDate day) {
        return jdbc.one(ACTIVE_OF_TYPE, HoldStore::row, accountId, type.name(), day);
    }

    /** @return whether it was still open */
    public boolean release(UUID holdId, Instant at, String by, String reason, String note, LocalDate dischargedOn,
                           UUID writeOffRequestId) {
        return jdbc.update(RELEASE, at, by, reason, Jdbc.text(note), Jdbc.date(dischargedOn), Jdbc.uuid(writeOffRequestId),
                holdId) == 1;
    }

    /**
     * The next {@value #EXPIRED_PAGE} open holds that ended before {@code day}, after (afterUntil, afterId) in
     * (until, id) order: fewer when there are no more.
     */
    public List<Hold> expired(LocalDate day, LocalDate afterUntil, UUID afterId) {
        return jdbc.list(EXPIRED, HoldStore::row, day, afterUntil, afterId);
    }

    /** The open holds of a merged duplicate's account go to the survivor's. */
    public int move(UUID fromAccountId, UUID toAccountId, UUID toPatientId) {
        return jdbc.update(MOVE, toAccountId, toPatientId, fromAccountId, toAccountId);
    }

    static Hold row(ResultSet rs) throws SQLException {
        HoldType type = HoldType.valueOf(rs.getString("type"));
        Integer chapter = Jdbc.integer(rs, "bankruptcy_chapter");
        HoldTerms.Bankruptcy b = type == HoldType.BANKRUPTCY ? new HoldTerms.Bankruptcy(chapter,
                rs.getString("bankruptcy_case_number"), Jdbc.date(rs, "bankruptcy_filing_date")) : null;
        HoldTerms.Probate p = type == HoldType.PROBATE ? new HoldTerms.Probate(rs.getString("probate_estate_contact"),
                Jdbc.date(rs, "probate_claim_deadline")) : null;
        HoldTerms.Attorney a = type == HoldType.ATTORNEY ? new HoldTerms.Attorney(rs.getString("attorney_firm"),
                rs.getString("attorney_contact"), Jdbc.bool(rs, "letter_of_protection"),
                Jdbc.date(rs, "expected_settlement_date"), rs.getBigDecimal("expected_settlement_amount")) : null;
        HoldTerms.Dispute d = type == HoldType.DISPUTE ? new HoldTerms.Dispute(rs.getString("disputed")) : null;
        return new Hold(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "account_id"), rs.getString("practice_id"),
                Jdbc.uuid(rs, "patient_id"), type, rs.getString("note"), rs.getString("reference"),
                Jdbc.date(rs, "until"), rs.getBoolean("automatic"), b, p, a, d, rs.getString("placed_by"),
                Jdbc.instant(rs, "placed_at"), Jdbc.instant(rs, "released_at"), rs.getString("released_by"),
                rs.getString("release_reason"), rs.getString("release_note"), Jdbc.date(rs, "discharged_on"),
                Jdbc.uuid(rs, "write_off_request_id"));
    }
}
