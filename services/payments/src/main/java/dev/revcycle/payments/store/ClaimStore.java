package dev.revcycle.payments.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The claims payments knows from claims' events (what charges refer to and a remittance matches). */
@ApplicationScoped
public class ClaimStore {
    static final String CLAIM_COLUMNS = "id, account_id, practice_id, patient_id, coverage_id, payer_id, "
            + "patient_control_number, made_from_another, first_service_date, version";
    static final String FIND = "SELECT " + CLAIM_COLUMNS + " FROM claim WHERE id = ?";
    static final String FIND_PCN = "SELECT " + CLAIM_COLUMNS + " FROM claim WHERE patient_control_number = ? ORDER BY id LIMIT 20";
    static final String UPSERT = """
            INSERT INTO claim AS k (id, account_id, practice_id, patient_id, coverage_id, payer_id, patient_control_number,
                made_from_another, first_service_date, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET coverage_id = EXCLUDED.coverage_id, payer_id = EXCLUDED.payer_id,
                patient_control_number = EXCLUDED.patient_control_number, made_from_another = EXCLUDED.made_from_another,
                first_service_date = EXCLUDED.first_service_date, version = EXCLUDED.version
            WHERE k.version < EXCLUDED.version""";
    static final String RETIRE_LINES = "UPDATE claim_line SET current = false WHERE claim_id = ? AND current";
    static final String UPSERT_LINE = """
            INSERT INTO claim_line (id, claim_id, line_number, procedure_code, charge_amount, service_date, current)
            VALUES (?, ?, ?, ?, ?, ?, true)
            ON CONFLICT (id) DO UPDATE SET line_number = EXCLUDED.line_number, procedure_code = EXCLUDED.procedure_code,
                charge_amount = EXCLUDED.charge_amount, service_date = EXCLUDED.service_date, current = true""";
    static final String LINES = """
            SELECT id, line_number, procedure_code, charge_amount, service_date FROM claim_line
            WHERE claim_id = ? AND current ORDER BY line_number""";

    /** A claim as payments knows it. {@code accountId} is the account its charges are posted to. */
    public record KnownClaim(UUID id, UUID accountId, String practiceId, UUID patientId, UUID coverageId, UUID payerId,
                             String patientControlNumber, boolean madeFromAnother, LocalDate firstServiceDate,
                             long version) {
    }

    public record KnownLine(UUID id, int lineNumber, String procedureCode, BigDecimal chargeAmount, LocalDate serviceDate) {
    }

    @Inject
    LedgerStore ledger;

    public Optional<KnownClaim> find(UUID id) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setObject(1, id);
                return claims(s).stream().findFirst();
            }
        });
    }

    public List<KnownClaim> byPatientControlNumber(String pcn) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_PCN)) {
                s.setString(1, pcn);
                return claims(s);
            }
        });
    }

    /** @return whether the claim was written (false: the row already holds this version or a later one) */
    public boolean upsertNewer(KnownClaim k, List<KnownLine> lines) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setObject(1, k.id());
                s.setObject(2, k.accountId());
                s.setString(3, k.practiceId());
                s.setObject(4, k.patientId());
                s.setObject(5, k.coverageId());
                s.setObject(6, k.payerId());
                s.setString(7, k.patientControlNumber());
                s.setBoolean(8, k.madeFromAnother());
                s.setObject(9, k.firstServiceDate());
                s.setLong(10, k.version());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(RETIRE_LINES)) {
                s.setObject(1, k.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(UPSERT_LINE)) {
                for (KnownLine l : lines) {
                    s.setObject(1, l.id());
                    s.setObject(2, k.id());
                    s.setInt(3, l.lineNumber());
                    s.setString(4, l.procedureCode());
                    s.setBigDecimal(5, l.chargeAmount());
                    s.setObject(6, l.serviceDate());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    public List<KnownLine> lines(UUID claimId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(LINES)) {
                s.setObject(1, claimId);
                List<KnownLine> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KnownLine(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                                rs.getBigDecimal(4).setScale(2), rs.getDate(5).toLocalDate()));
                    }
                }
                return out;
            }
        });
    }

    private static List<KnownClaim> claims(PreparedStatement s) throws java.sql.SQLException {
        List<KnownClaim> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                java.sql.Date d = rs.getDate(9);
                out.add(new KnownClaim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getBoolean(8), d == null ? null : d.toLocalDate(), rs.getLong(10)));
            }
        }
        return out;
    }
}
