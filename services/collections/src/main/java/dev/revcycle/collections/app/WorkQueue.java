package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.PlacementCandidate;
import dev.revcycle.collections.domain.PlacementRule;
import dev.revcycle.collections.domain.WorkItemReason;
import dev.revcycle.collections.domain.WorkQueueRule;
import dev.revcycle.collections.store.AccountChanges;
import dev.revcycle.collections.store.KpiStore;
import dev.revcycle.collections.store.WorkQueueStore;
import dev.revcycle.collections.store.WorkQueueStore.Row;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The delinquent accounts a collector works, in {@link WorkQueueRule}'s order, each with its reason and next action.
 *
 * <p>The queue is kept per practice and day (work_item): a request reads one page of it through an index in the
 * queue's order. A day is built the first time it is asked for (and for today by the daily job), a chunk of the
 * practice's accounts with a patient balance per transaction; after that an account's items are recomputed in the
 * transaction of every change to what the rule reads of it ({@link AccountChanges}), on every day built for its
 * practice. Days before today are dropped by the daily job; a policy change drops the practice's days.
 */
@ApplicationScoped
public class WorkQueue {
    private static final Logger LOG = Logger.getLogger(WorkQueue.class);
    /** The total is counted up to this many items (totalExact false beyond). */
    public static final int COUNT_CAP = 10_000;

    @Inject
    WorkQueueStore store;

    @Inject
    KpiStore practices;

    @Inject
    Clock clock;

    @Inject
    Accounts accountReads;

    @ConfigProperty(name = "revcycle.work-queue.chunk", defaultValue = "2000")
    int chunk;

    public record Item(UUID accountId, WorkItemReason reason, String nextAction, int tier, BigDecimal patientBalance,
                       long ageDays, BigDecimal score, String dunningLevel, LocalDate promiseToPayUntil, String lastWorkedBy) {
    }

    public record Page(String practiceId, LocalDate asOf, String collector, long total, boolean totalExact, int page, int size,
                       List<Item> items) {
    }

    public Page of(Caller caller, String practiceId, LocalDate asOf, String collector, int page, int size) {
        PracticeDate.require(practiceId, asOf);
        caller.requirePractice(practiceId, "Practice");
        boolean built = QuarkusTransaction.requiringNew().call(() -> store.day(practiceId, asOf))
                .map(Optional::isPresent).orElse(false);
        if (!built) {
            build(practiceId, asOf);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Item> items = store.page(practiceId, asOf, collector, size, page * size).stream().map(WorkQueue::item).toList();
            long total = store.count(practiceId, asOf, collector, COUNT_CAP + 1);
            // the page's accounts, as a search's results are (one SEARCH row each)
            accountReads.listed(caller, AuditAction.SEARCH, items.stream().map(Item::accountId).toList(), practiceId);
            return new Page(practiceId, asOf, collector, Math.min(total, COUNT_CAP), total <= COUNT_CAP, page, size, items);
        });
    }

    private static Item item(WorkQueueStore.Item i) {
        WorkItemReason reason = WorkItemReason.valueOf(i.reason());
        return new Item(i.accountId(), reason, reason.nextAction(), i.tier(), i.patientBalance(), i.ageDays(), i.score(),
                i.dunningLevel(), i.promiseToPayUntil(), i.lastWorkedBy());
    }

    /** Builds the practice's queue for the day: its accounts with a patient balance, a chunk per transaction. */
    public void build(String practiceId, LocalDate asOf) {
        QuarkusTransaction.requiringNew().run(() -> store.startDay(practiceId, asOf));
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<Row> rows = QuarkusTransaction.requiringNew().call(() -> {
                List<Row> chunkRows = store.chunk(practiceId, asOf, from, chunk);
                List<UUID> out = new ArrayList<>();
                List<WorkQueueStore.Item> items = new ArrayList<>();
                for (Row r : chunkRows) {
                    rank(r).ifPresentOrElse(items::add, () -> out.add(r.accountId()));
                }
                store.write(asOf, out, items);
                return chunkRows;
            });
            if (rows.size() < chunk) {
                break;
            }
            after = rows.get(rows.size() - 1).accountId();
        }
        QuarkusTransaction.requiringNew().run(() -> store.finishDay(practiceId, asOf, clock.instant()));
    }

    /** In the transaction that changed them, before it commits: the accounts' items on every day built for their practice. */
    void changed(@Observes AccountChanges.Changed changed) {
        UUID[] ids = changed.accountIds().toArray(UUID[]::new);
        List<WorkQueueStore.Item> items = new ArrayList<>();
        for (Row r : store.changed(ids)) {
            rank(r).ifPresent(items::add);
        }
        store.replace(ids, items);
    }

    /** The account's item on its day, if it is in the queue (the practice's placement terms come with its facts). */
    private static Optional<WorkQueueStore.Item> rank(Row r) {
        if (r.merged()) {
            return Optional.empty();
        }
        CollectionPolicy defaults = CollectionPolicy.DEFAULTS;
        PlacementRule placement = new PlacementRule(
                r.placementAfterDays() == null ? defaults.placementAfterDays() : r.placementAfterDays(),
                r.minimumPlacementBalance() == null ? defaults.minimumPlacementBalance() : r.minimumPlacementBalance());
        LocalDate asOf = r.asOf();
        boolean ready = placement.eligible(new PlacementCandidate(r.patientBalance(), r.firstStatementOn(), r.level(),
                r.held(), r.onPlan(), r.placed()), asOf);
        Optional<WorkItemReason> reason = WorkQueueRule.reason(new WorkQueueRule.Account(r.patientBalance(),
                r.oldestOpenServiceDate(), r.held(), r.placed(), r.onPlan(), r.lapsed(), r.promiseOn(), r.paidSincePromise(),
                r.level(), ready), asOf);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        long age = WorkQueueRule.ageDays(r.oldestOpenServiceDate(), asOf);
        return Optional.of(new WorkQueueStore.Item(asOf, r.accountId(), r.practiceId(), reason.get().tier(),
                WorkQueueRule.score(r.patientBalance(), age), age, reason.get().name(), r.patientBalance(),
                r.level() == null ? null : r.level().name(), r.promiseOn(), r.lastWorkedBy()));
    }

    /** Daily: days before today dropped, today's queue built for every practice. */
    @Scheduled(cron = "{revcycle.work-queue.build-cron:0 20 0 * * ?}", identity = "work-queue-build",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = LocalDate.now(clock);
        for (WorkQueueStore.BuiltDay d : QuarkusTransaction.requiringNew().call(() -> store.daysBefore(today))) {
            QuarkusTransaction.requiringNew().run(() -> store.dropDay(d.practiceId(), d.asOf()));
        }
        for (String practice : QuarkusTransaction.requiringNew().call(practices::practices)) {
            try {
                build(practice, today);
            } catch (RuntimeException e) {
                LOG.warnf("work queue of a practice not built for %s (%s)", today, e.getClass().getSimpleName());
            }
        }
    }
}
