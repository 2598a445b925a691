package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.AccountNote;
import dev.revcycle.collections.domain.NoteTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Account notes (account_note). */
@ApplicationScoped
public class NoteStore {
    static final String INSERT = "INSERT INTO account_note (id, account_id, practice_id, kind, text, follow_up_on, "
            + "promised_amount, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String PAGE = "SELECT id, account_id, practice_id, kind, text, follow_up_on, promised_amount, created_by, "
            + "created_at FROM account_note WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM account_note WHERE account_id = ? LIMIT 10000) n";

    @Inject
    Jdbc jdbc;

    @Inject
    AccountChanges changes;

    public void insert(AccountNote n) {
        changes.changed(n.accountId());
        jdbc.update(INSERT, n.id(), n.accountId(), n.practiceId(), n.kind().name(), n.text(), Jdbc.date(n.followUpOn()),
                Jdbc.money(n.promisedAmount()), n.createdBy(), n.createdAt());
    }

    public List<AccountNote> page(UUID accountId, int limit, int offset) {
        return jdbc.list(PAGE, NoteStore::row, accountId, limit, offset);
    }

    /** The account's notes, counted up to 10,000. */
    public long count(UUID accountId) {
        return jdbc.count(COUNT, accountId);
    }

    static AccountNote row(ResultSet rs) throws SQLException {
        return new AccountNote(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "account_id"), rs.getString("practice_id"),
                NoteTerms.Kind.valueOf(rs.getString("kind")), rs.getString("text"), Jdbc.date(rs, "follow_up_on"),
                rs.getBigDecimal("promised_amount"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"));
    }
}
