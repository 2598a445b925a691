package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.KpiFigures;
import dev.revcycle.collections.domain.KpiMonth;
import dev.revcycle.collections.domain.Kpis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The ledger's sums the KPIs are computed from (movement, account, aging_day, placement) and the monthly snapshots. */
@ApplicationScoped
public class KpiStore {
    /** Charges, payments (less reversals), adjustments (transfers aside), contractual, agency recoveries in [from, to]. */
    static final String PERIOD = """
            SELECT COALESCE(SUM(amount) FILTER (WHERE type = 'CHARGE'), 0) AS charges,
                COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT'), 0)
                    - COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT_REVERSAL'), 0) AS payments,
                COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND COALESCE(entry_type, '') NOT IN ('TRANSFER', 'REVERSAL')), 0) AS adjustments,
                COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL'), 0) AS contractual,
                COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT' AND method = 'AGENCY'), 0) AS recovered
            FROM movement WHERE practice_id = ? AND effective_date BETWEEN ? AND ?""";
    static final String CHARGES = """
            SELECT COALESCE(SUM(amount), 0) FROM movement
            WHERE practice_id = ? AND effective_date BETWEEN ? AND ? AND type = 'CHARGE'""";
    /** A/R now (every account's open balances), by the oldest open date of service (aging_day). */
    static final String AR_NOW = """
            SELECT COALESCE(SUM(patient_balance + insurance_balance), 0) AS ar,
                COALESCE(SUM(patient_balance + insurance_balance) FILTER (WHERE service_date < ?), 0) AS over90
            FROM aging_day WHERE practice_id = ?""";
    /** What the movements dated after a day did to the balances (to take A/R back to that day). */
    static final String EFFECT_AFTER = """
            SELECT COALESCE(SUM(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)), 0) FROM movement
            WHERE practice_id = ? AND effective_date > ?""";
    static final String PLACED = """
            SELECT COALESCE(SUM(amount), 0) FROM placement WHERE practice_id = ? AND placed_on BETWEEN ? AND ?""";
    static final String UPSERT_MONTH = """
            INSERT INTO kpi_month (practice_id, month, charges, payments, contractual, ar_at_end, gross_collection_rate,
                net_collection_rate, days_in_ar, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (practice_id, month) DO UPDATE SET charges = EXCLUDED.charges, payments = EXCLUDED.payments,
                contractual = EXCLUDED.contractual, ar_at_end = EXCLUDED.ar_at_end,
                gross_collection_rate = EXCLUDED.gross_collection_rate, net_collection_rate = EXCLUDED.net_collection_rate,
                days_in_ar = EXCLUDED.days_in_ar, computed_at = EXCLUDED.computed_at""";
    static final String MONTHS = """
            SELECT month, charges, payments, contractual, ar_at_end, gross_collection_rate, net_collection_rate, days_in_ar,
                computed_at FROM kpi_month WHERE practice_id = ? AND month >= ? ORDER BY month""";
    static final String PRACTICES = "SELECT DISTINCT practice_id FROM account";

    @Inject
    Jdbc jdbc;


    public KpiFigures figures(String practiceId, LocalDate from, LocalDate to, LocalDate today) {
        BigDecimal[] period = jdbc.one(PERIOD, rs -> new BigDecimal[] {rs.getBigDecimal("charges"), rs.getBigDecimal("payments"),
            rs.getBigDecimal("adjustments"), rs.getBigDecimal("contractual"), rs.getBigDecimal("recovered")}, practiceId, from, to)
                .orElseThrow();
        BigDecimal[] ar = jdbc.one(AR_NOW, rs -> new BigDecimal[] {rs.getBigDecimal("ar"), rs.getBigDecimal("over90")},
                to.minusDays(90), practiceId).orElseThrow();
        BigDecimal arAtEnd = ar[0];
        BigDecimal over90 = ar[1];
        if (to.isBefore(today)) {
            BigDecimal after = jdbc.one(EFFECT_AFTER, rs -> rs.getBigDecimal(1), practiceId, to).orElse(BigDecimal.ZERO);
            arAtEnd = arAtEnd.subtract(after).max(BigDecimal.ZERO);
            over90 = over90.min(arAtEnd);
        }
        BigDecimal last90 = jdbc.one(CHARGES, rs -> rs.getBigDecimal(1), practiceId, to.minusDays(Kpis.DSO_WINDOW_DAYS - 1), to)
                .orElse(BigDecimal.ZERO);
        BigDecimal placed = jdbc.one(PLACED, rs -> rs.getBigDecimal(1), practiceId, from, to).orElse(BigDecimal.ZERO);
        return new KpiFigures(period[0], period[1], period[2], period[3], arAtEnd, over90, last90, placed, period[4]);
    }

    public void saveMonth(String practiceId, LocalDate month, Kpis k, Instant now) {
        KpiFigures f = k.figures();
        jdbc.update(UPSERT_MONTH, practiceId, month, f.charges(), f.payments(), f.contractual(), f.arAtEnd(),
                Jdbc.money(k.grossCollectionRate()), Jdbc.money(k.netCollectionRate()), Jdbc.money(k.daysInAr()), now);
    }

    public List<KpiMonth> months(String practiceId, LocalDate from) {
        return jdbc.list(MONTHS, rs -> new KpiMonth(Jdbc.date(rs, "month"), rs.getBigDecimal("charges"), rs.getBigDecimal("payments"),
                rs.getBigDecimal("contractual"), rs.getBigDecimal("ar_at_end"), rs.getBigDecimal("gross_collection_rate"),
                rs.getBigDecimal("net_collection_rate"), rs.getBigDecimal("days_in_ar"), Jdbc.instant(rs, "computed_at")),
                practiceId, from);
    }

    public List<String> practices() {
        return jdbc.list(PRACTICES, rs -> rs.getString(1));
    }
}
