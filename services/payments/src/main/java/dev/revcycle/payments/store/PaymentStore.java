package dev.revcycle.payments.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partners, partner payments and refunds (the ledger holds their entries). */
@ApplicationScoped
public class PaymentStore {
    static final String INSERT_PAYMENT = """
            INSERT INTO payment (id, account_id, practice_id, amount, method, reference, partner_key, partner_id,
                received_at, applied, recovered, credited, posted_at, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (partner_key, reference) DO NOTHING""";
    static final String PAYMENT_COLUMNS = "id, account_id, practice_id, amount, method, reference, partner_id, received_at, "
            + "applied, recovered, credited, reversed_at, reversal_reason";
    static final String FIND_PAYMENT = "SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE id = ?";
    static final String FIND_REFERENCE = "SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE partner_key = ? AND reference = ?";
    static final String REVERSE = "UPDATE payment SET reversed_at = ?, reversal_reason = ? WHERE id = ? AND reversed_at IS NULL";
    static final String INSERT_PARTNER = """
            INSERT INTO partner (id, name, practices, signing, secret_encrypted, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    static final String FIND_PARTNER = "SELECT id, name, practices, signing, secret_encrypted FROM partner WHERE id = ?";
    static final String SET_SECRET = "UPDATE partner SET secret_encrypted = ?, signing = true WHERE id = ?";
    static final String INSERT_REFUND = """
            INSERT INTO refund (id, account_id, amount, payee, reason, entry_id, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)""";

    public record PaymentRecord(UUID id, UUID accountId, String practiceId, BigDecimal amount, String method,
                                String reference, UUID partnerId, Instant receivedAt, BigDecimal applied,
                                BigDecimal recovered, BigDecimal credited, Instant reversedAt, String reversalReason) {
    }

    public record PartnerRecord(UUID id, String name, List<String> practices, boolean signing, byte[] secretEncrypted) {
        @Override
        public String toString() {
            return "PartnerRecord[" + id + "]";
        }
    }

    @Inject
    LedgerStore ledger;

    /**
     * Records the payment with its split (applied, recovered, credited: zero where the record has none).
     *
     * @return false when (partnerKey, reference) was recorded before
     */
    public boolean insertPayment(PaymentRecord p, String partnerKey, Instant now, String actor) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_PAYMENT)) {
                s.setObject(1, p.id());
                s.setObject(2, p.accountId());
                s.setString(3, p.practiceId());
                s.setBigDecimal(4, p.amount());
                s.setString(5, p.method());
                s.setString(6, p.reference());
                s.setString(7, partnerKey);
                s.setObject(8, p.partnerId());
                s.setTimestamp(9, Timestamp.from(p.receivedAt()));
                s.setBigDecimal(10, p.applied() == null ? BigDecimal.ZERO : p.applied());
                s.setBigDecimal(11, p.recovered() == null ? BigDecimal.ZERO : p.recovered());
                s.setBigDecimal(12, p.credited() == null ? BigDecimal.ZERO : p.credited());
                s.setTimestamp(13, Timestamp.from(now));
                s.setString(14, actor);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<PaymentRecord> payment(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_PAYMENT)) {
                s.setObject(1, id);
                return payments(s);
            }
        });
    }

    public Optional<PaymentRecord> byReference(String partnerKey, String reference) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_REFERENCE)) {
                s.setString(1, partnerKey);
                s.setString(2, reference);
                return payments(s);
            }
        });
    }

    public boolean markReversed(UUID id, String reason, Instant now) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(REVERSE)) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, reason);
                s.setObject(3, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Optional<PaymentRecord> payments(PreparedStatement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp reversed = rs.getTimestamp(12);
            return Optional.of(new PaymentRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getBigDecimal(4).setScale(2), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                    rs.getTimestamp(8).toInstant(), rs.getBigDecimal(9).setScale(2), rs.getBigDecimal(10).setScale(2),
                    rs.getBigDecimal(11).setScale(2), reversed == null ? null : reversed.toInstant(), rs.getString(13)));
        }
    }

    public void insertPartner(PartnerRecord p, Instant now) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_PARTNER)) {
                s.setObject(1, p.id());
                s.setString(2, p.name());
                s.setArray(3, c.createArrayOf("text", p.practices().toArray()));
                s.setBoolean(4, p.signing());
                s.setBytes(5, p.secretEncrypted());
                s.setTimestamp(6, Timestamp.from(now));
                return s.executeUpdate();
            }
        });
    }

    public Optional<PartnerRecord> partner(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_PARTNER)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<String> practices = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(3).getArray()) {
                        practices.add(o.toString());
                    }
                    return Optional.of(new PartnerRecord(rs.getObject(1, UUID.class), rs.getString(2), practices,
                            rs.getBoolean(4), rs.getBytes(5)));
                }
            }
        });
    }

    public boolean setSecret(UUID id, byte[] encrypted) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SET_SECRET)) {
                s.setBytes(1, encrypted);
                s.setObject(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public void insertRefund(UUID id, UUID accountId, BigDecimal amount, String payee, String reason, UUID entryId,
                             Instant now) {
        ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_REFUND)) {
                s.setObject(1, id);
                s.setObject(2, accountId);
                s.setBigDecimal(3, amount);
                s.setString(4, payee);
                s.setString(5, reason);
                s.setObject(6, entryId);
                s.setTimestamp(7, Timestamp.from(now));
                return s.executeUpdate();
            }
        });
    }
}
