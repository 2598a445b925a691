package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.KpiMonth;
import dev.revcycle.collections.domain.Kpis;
import dev.revcycle.collections.store.KpiStore;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The practice's collection KPIs over a period ({@link Kpis} holds the formulas) and their history at each month's
 * end: kept in kpi_month by a job on the 1st of each month (for the month before) and filled on demand for the
 * months a history asks for that are missing. A month not over yet is computed to today and not kept.
 */
@ApplicationScoped
public class CollectionKpis {
    public static final int MAX_DAYS = 366 * 3;
    public static final int MAX_MONTHS = 36;

    @Inject
    KpiStore store;

    @Inject
    Policies policies;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Kpis of(Caller caller, String practiceId, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (practiceId == null || practiceId.isBlank()) {
            errors.add(new FieldError("practiceId", "is required"));
        }
        if (from == null) {
            errors.add(new FieldError("from", "is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.add(new FieldError("to", "the period may be at most three years"));
        }
        Violations.check(errors);
        caller.requirePractice(practiceId, "Practice");
        return compute(practiceId, from, to);
    }

    private Kpis compute(String practiceId, LocalDate from, LocalDate to) {
        return Kpis.of(store.figures(practiceId, from, to, LocalDate.now(clock)),
                policies.effective(practiceId).targetCollectionRate());
    }

    /** One month of the history: its first day and its figures at its end (or today, for the month under way). */
    public record MonthKpis(KpiMonth figures, boolean kept) {
    }

    /**
     * The last {@code months} months (the current one last). A month that is over is kept once in kpi_month (by the
     * month-end job, or here when it is missing) and answered as kept, so later postings dated into it do not
     * change its history; the month under way is computed to today.
     */
    public List<MonthKpis> history(Caller caller, String practiceId, Integer months) {
        List<FieldError> errors = new ArrayList<>();
        if (practiceId == null || practiceId.isBlank()) {
            errors.add(new FieldError("practiceId", "is required"));
        }
        if (months != null && (months < 1 || months > MAX_MONTHS)) {
            errors.add(new FieldError("months", "must be 1 to " + MAX_MONTHS));
        }
        Violations.check(errors);
        caller.requirePractice(practiceId, "Practice");
        int n = months == null ? 12 : months;
        LocalDate today = LocalDate.now(clock);
        LocalDate current = today.withDayOfMonth(1);
        LocalDate first = current.minusMonths(n - 1L);
        java.util.Map<LocalDate, KpiMonth> kept = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().call(() -> store.months(practiceId, first)).forEach(m -> kept.put(m.month(), m));
        List<MonthKpis> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            LocalDate month = current.minusMonths(i);
            LocalDate end = month.plusMonths(1).minusDays(1);
            boolean over = end.isBefore(today);
            if (over && kept.containsKey(month)) {
                out.add(new MonthKpis(kept.get(month), true));
                continue;
            }
            KpiMonth figures = QuarkusTransaction.requiringNew().call(() -> {
                Kpis k = compute(practiceId, month, over ? end : today);
                if (over) {
                    store.saveMonth(practiceId, month, k, clock.instant());
                }
                return new KpiMonth(month, k.figures().charges(), k.figures().payments(), k.figures().contractual(),
                        k.figures().arAtEnd(), k.grossCollectionRate(), k.netCollectionRate(), k.daysInAr(), clock.instant());
            });
            out.add(new MonthKpis(figures, over));
        }
        return out;
    }

    /** On the 1st of each month: every practice's month before, kept. */
    @Scheduled(cron = "{revcycle.kpis.month-end-cron:0 15 3 1 * ?}", identity = "kpi-month-end",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void monthEnd() {
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1).minusMonths(1);
        LocalDate end = month.plusMonths(1).minusDays(1);
        for (String practice : QuarkusTransaction.requiringNew().call(store::practices)) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (store.months(practice, month).stream().noneMatch(m -> m.month().equals(month))) {
                    store.saveMonth(practice, month, compute(practice, month, end), clock.instant());
                }
            });
        }
    }
}
