package dev.revcycle.payments.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The coverages read model (from eligibility's events): priority and dates, as the next-payer rule needs. */
@ApplicationScoped
public class CoverageStore {
    static final String UPSERT = """
            INSERT INTO coverage AS k (id, patient_id, practice_id, x12_payer_id, priority, effective_date, termination_date, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET patient_id = EXCLUDED.patient_id, practice_id = EXCLUDED.practice_id,
                x12_payer_id = coalesce(EXCLUDED.x12_payer_id, k.x12_payer_id), priority = coalesce(EXCLUDED.priority, k.priority),
                effective_date = coalesce(EXCLUDED.effective_date, k.effective_date),
                termination_date = EXCLUDED.termination_date, version = EXCLUDED.version
            WHERE k.version < EXCLUDED.version""";
    static final String TERMINATE = """
            UPDATE coverage SET termination_date = ?, version = ? WHERE id = ? AND version < ?""";
    static final String OF_PATIENT = """
            SELECT id, x12_payer_id, priority, effective_date, termination_date FROM coverage
            WHERE patient_id = ? AND practice_id = ? ORDER BY priority, id LIMIT 20""";

    public record KnownCoverage(UUID id, String x12PayerId, String priority, LocalDate effectiveDate,
                                LocalDate terminationDate) {
        public boolean activeOn(LocalDate day) {
            return (effectiveDate == null || !day.isBefore(effectiveDate))
                    && (terminationDate == null || !day.isAfter(terminationDate));
        }
    }

    @Inject
    LedgerStore ledger;

    public boolean upsertNewer(UUID id, UUID patientId, String practiceId, String x12PayerId, String priority,
                               LocalDate effective, LocalDate termination, long version) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setObject(1, id);
                s.setObject(2, patientId);
                s.setString(3, practiceId);
                s.setString(4, x12PayerId);
                s.setString(5, priority);
                s.setObject(6, effective);
                s.setObject(7, termination);
                s.setLong(8, version);
                return s.executeUpdate() == 1;
            }
        });
    }

    public boolean terminate(UUID id, LocalDate termination, long version) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(TERMINATE)) {
                s.setObject(1, termination);
                s.setLong(2, version);
                s.setObject(3, id);
                s.setLong(4, version);
                return s.executeUpdate() == 1;
            }
        });
    }

    public List<KnownCoverage> ofPatient(UUID patientId, String practiceId) {
        return ledger.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(OF_PATIENT)) {
                s.setObject(1, patientId);
                s.setString(2, practiceId);
                List<KnownCoverage> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date e = rs.getDate(4);
                        java.sql.Date t = rs.getDate(5);
                        out.add(new KnownCoverage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                e == null ? null : e.toLocalDate(), t == null ? null : t.toLocalDate()));
                    }
                }
                return out;
            }
        });
    }
}
