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
import java.util.UUID;

/** The ledger's sums the KPIs are computed from (kpi_day, kept per practice and day; aging_day) and the monthly snapshots. */
@ApplicationScoped
public class KpiStore {
    /**
     * What a transaction's new movements add to their practices' days (kpi_day), read from the movements as stored
     * (their effects worked out): run once, just before the transaction commits (PracticeDays), one row per practice
     * and day, in key order.
     */
    public static final String ADD_MOVEMENTS = """
            INSERT INTO kpi_day (practice_id, day, charges, payments, payment_reversals, adjustments, contractual, recovered,
                balance_effect, movements)
            SELECT practice_id, effective_date,
                SUM(CASE WHEN type = 'CHARGE' THEN amount ELSE 0 END),
                SUM(CASE WHEN type = 'PAYMENT' THEN amount ELSE 0 END),
                SUM(CASE WHEN type = 'PAYMENT_REVERSAL' THEN amount ELSE 0 END),
                SUM(CASE WHEN type = 'ADJUSTMENT' AND COALESCE(entry_type, '') NOT IN ('TRANSFER', 'REVERSAL') THEN amount ELSE 0 END),
                SUM(CASE WHEN type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL' THEN amount ELSE 0 END),
                SUM(CASE WHEN type = 'PAYMENT' AND method = 'AGENCY' THEN amount ELSE 0 END),
                SUM(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)), count(*)
            FROM movement WHERE id = ANY (?) GROUP BY practice_id, effective_date ORDER BY practice_id, effective_date
            ON CONFLICT (practice_id, day) DO UPDATE SET charges = kpi_day.charges + EXCLUDED.charges,
                payments = kpi_day.payments + EXCLUDED.payments,
                payment_reversals = kpi_day.payment_reversals + EXCLUDED.payment_reversals,
                adjustments = kpi_day.adjustments + EXCLUDED.adjustments,
                contractual = kpi_day.contractual + EXCLUDED.contractual, recovered = kpi_day.recovered + EXCLUDED.recovered,
                balance_effect = kpi_day.balance_effect + EXCLUDED.balance_effect,
                movements = kpi_day.movements + EXCLUDED.movements""";
    /** A placement batch's amount, on its date. */
    static final String ADD_PLACED = """
            INSERT INTO kpi_day (practice_id, day, placed) VALUES (?, ?, ?)
            ON CONFLICT (practice_id, day) DO UPDATE SET placed = kpi_day.placed + EXCLUDED.placed""";
    /**
     * Over the practice's days from the earlier of `from` and the 90-day window's start: the period's sums
     * (charges, payments less reversals, adjustments, contractual, agency recoveries, placed), the window's charges
     * and what the days after `to` did to the balances (to take today's A/R back to `to`). One row per day.
     */
    static final String FIGURES = """
            SELECT COALESCE(SUM(charges) FILTER (WHERE day BETWEEN ? AND ?), 0) AS charges,
                COALESCE(SUM(payments - payment_reversals) FILTER (WHERE day BETWEEN ? AND ?), 0) AS payments,
                COALESCE(SUM(adjustments) FILTER (WHERE day BETWEEN ? AND ?), 0) AS adjustments,
                COALESCE(SUM(contractual) FILTER (WHERE day BETWEEN ? AND ?), 0) AS contractual,
                COALESCE(SUM(recovered) FILTER (WHERE day BETWEEN ? AND ?), 0) AS recovered,
                COALESCE(SUM(placed) FILTER (WHERE day BETWEEN ? AND ?), 0) AS placed,
                COALESCE(SUM(charges) FILTER (WHERE day BETWEEN ? AND ?), 0) AS last90,
                COALESCE(SUM(balance_effect) FILTER (WHERE day > ?), 0) AS after_to
            FROM kpi_day WHERE practice_id = ? AND day >= ?""";
    /** A/R now (every account's open balances), by the oldest open date of service (aging_day). */
    static final String AR_NOW = """
            SELECT COALESCE(SUM(patient_balance + insurance_balance), 0) AS ar,
                COALESCE(SUM(patient_balance + insurance_balance) FILTER (WHERE service_date < ?), 0) AS over90
            FROM aging_day WHERE practice_id = ?""";
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
        LocalDate windowFrom = to.minusDays(Kpis.DSO_WINDOW_DAYS - 1);
        LocalDate first = from.isBefore(windowFrom) ? from : windowFrom;
        BigDecimal[] f = jdbc.one(FIGURES, rs -> new BigDecimal[] {rs.getBigDecimal("charges"), rs.getBigDecimal("payments"),
            rs.getBigDecimal("adjustments"), rs.getBigDecimal("contractual"), rs.getBigDecimal("recovered"),
            rs.getBigDecimal("placed"), rs.getBigDecimal("last90"), rs.getBigDecimal("after_to")},
                from, to, from, to, from, to, from, to, from, to, from, to, windowFrom, to, to, practiceId, first).orElseThrow();
        BigDecimal[] ar = jdbc.one(AR_NOW, rs -> new BigDecimal[] {rs.getBigDecimal("ar"), rs.getBigDecimal("over90")},
                to.minusDays(90), practiceId).orElseThrow();
        BigDecimal arAtEnd = ar[0];
        BigDecimal over90 = ar[1];
        if (to.isBefore(today)) {
            arAtEnd = arAtEnd.subtract(f[7]).max(BigDecimal.ZERO);
            over90 = over90.min(arAtEnd);
        }
        return new KpiFigures(f[0], f[1], f[2], f[3], arAtEnd, over90, f[6], f[5], f[4]);
    }

    /** Adds a placement batch's amount to its day. */
    public void addPlaced(String practiceId, LocalDate day, BigDecimal amount) {
        jdbc.update(ADD_PLACED, practiceId, day, amount);
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
