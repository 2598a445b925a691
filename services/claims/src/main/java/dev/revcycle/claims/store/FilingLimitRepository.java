package dev.revcycle.claims.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.revcycle.claims.domain.ClaimNearFilingLimit;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Claims not sent (or sent back) whose payer's timely filing limit is near (GET /claims/at-risk). */
@ApplicationScoped
public class FilingLimitRepository {
    /**
     * The practice's DRAFT, READY and REJECTED insured claims whose stored deadline ({@code claim.filing_deadline}, V80:
     * first date of service + the coverage's timely filing days, the default when absent) falls from today to the last
     * day asked, nearest first, at most a page: one range of the partial index claim_unsent_by_filing_deadline in the
     * list's order, each claim's coverage by its key.
     */
    public static final String AT_RISK = """
            SELECT c.id, c.patient_control_number, c.status, c.payer_id, k.payer_name, c.first_service_date,
                   c.total_charge, k.timely_filing_days, c.filing_deadline AS deadline
            FROM claim c JOIN known_coverage k ON k.id = c.coverage_id
            WHERE c.practice_id = ? AND c.status IN ('DRAFT', 'READY', 'REJECTED') AND c.filing_deadline BETWEEN ? AND ?
            ORDER BY c.filing_deadline, c.id LIMIT ?""";

    @Inject
    Jdbc jdbc;

    public List<ClaimNearFilingLimit> atRisk(String practiceId, LocalDate from, LocalDate until, int limit) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(AT_RISK)) {
                s.setString(1, practiceId);
                Jdbc.date(s, 2, from);
                Jdbc.date(s, 3, until);
                s.setInt(4, limit);
                List<ClaimNearFilingLimit> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ClaimNearFilingLimit(Jdbc.uuid(rs, "id"), rs.getString("patient_control_number"), rs.getString("status"),
                                Jdbc.uuid(rs, "payer_id"), rs.getString("payer_name"), Jdbc.date(rs, "first_service_date"),
                                rs.getBigDecimal("total_charge"), Jdbc.integer(rs, "timely_filing_days"),
                                Jdbc.date(rs, "deadline")));
                    }
                }
                return out;
            }
        });
    }
}
