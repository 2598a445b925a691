package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.AgingContribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The practice-day sums a transaction moves — the aging's rows (aging_day) and the KPIs' days (kpi_day) — added up
 * over the transaction and written once, just before it commits and still inside it: an inbox batch of 500 balances
 * and movements writes each (practice, date) row once, in one statement per table, in key order (so two writers lock
 * the rows in one order), rather than once per event. Outside a transaction they are written at once.
 */
@ApplicationScoped
public class PracticeDays {
    /** What the transaction adds to aging_day (one row per practice and oldest open date of service). */
    static final String AGING_ADD_ALL = """
            INSERT INTO aging_day AS d (practice_id, service_date, accounts, patient_accounts, insurance_accounts,
                patient_balance, insurance_balance)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS date[]), CAST(? AS integer[]), CAST(? AS integer[]),
                CAST(? AS integer[]), CAST(? AS numeric[]), CAST(? AS numeric[]))
            ON CONFLICT (practice_id, service_date) DO UPDATE SET accounts = d.accounts + EXCLUDED.accounts,
                patient_accounts = d.patient_accounts + EXCLUDED.patient_accounts,
                insurance_accounts = d.insurance_accounts + EXCLUDED.insurance_accounts,
                patient_balance = d.patient_balance + EXCLUDED.patient_balance,
                insurance_balance = d.insurance_balance + EXCLUDED.insurance_balance""";
    private static final Object KEY = new Object();

    private record Day(String practiceId, LocalDate date) {
        static final Comparator<Day> ORDER = Comparator.comparing(Day::practiceId).thenComparing(Day::date);
    }

    private final class Pending {
        final Map<Day, AgingContribution> aging = new TreeMap<>(Day.ORDER);
        final Set<UUID> movements = new LinkedHashSet<>();
        final boolean inTransaction;

        Pending(boolean inTransaction) {
            this.inTransaction = inTransaction;
        }

        void flushIfOutsideATransaction() {
            if (!inTransaction) {
                flush(this);
            }
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    BeforeCommit beforeCommit;

    /** An account's change of its practice's aging (AgingContribution.change). */
    public void aging(String practiceId, List<AgingContribution> changes) {
        Pending p = pending();
        for (AgingContribution c : changes) {
            p.aging.merge(new Day(practiceId, c.serviceDate()), c, AgingContribution::plus);
        }
        p.flushIfOutsideATransaction();
    }

    /** A movement new to the ledger: added to its practice's day (kpi_day, KpiStore.ADD_MOVEMENTS). */
    public void movement(UUID movementId) {
        Pending p = pending();
        p.movements.add(movementId);
        p.flushIfOutsideATransaction();
    }

    /** The transaction's sums, written before it commits; outside a transaction, sums written at once. */
    private Pending pending() {
        Pending p = beforeCommit.collector(KEY, () -> new Pending(true), this::flush);
        return p != null ? p : new Pending(false);
    }

    private void flush(Pending p) {
        List<AgingContribution> rows = new ArrayList<>();
        List<String> practices = new ArrayList<>();
        p.aging.forEach((day, c) -> {
            if (!c.isZero()) {
                practices.add(day.practiceId());
                rows.add(c);
            }
        });
        if (!rows.isEmpty()) {
            jdbc.update(AGING_ADD_ALL, new Jdbc.SqlArray("text", practices.toArray()),
                    Jdbc.array("date", rows, AgingContribution::serviceDate), Jdbc.array("integer", rows, AgingContribution::accounts),
                    Jdbc.array("integer", rows, AgingContribution::patientAccounts),
                    Jdbc.array("integer", rows, AgingContribution::insuranceAccounts),
                    Jdbc.array("numeric", rows, AgingContribution::patientBalance),
                    Jdbc.array("numeric", rows, AgingContribution::insuranceBalance));
        }
        if (!p.movements.isEmpty()) {
            jdbc.update(KpiStore.ADD_MOVEMENTS, (Object) p.movements.toArray(UUID[]::new));
        }
        p.aging.clear();
        p.movements.clear();
    }
}
