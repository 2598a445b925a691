package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.PlacementCandidate;
import dev.revcycle.collections.domain.PlacementRule;
import dev.revcycle.collections.domain.WorkItemReason;
import dev.revcycle.collections.domain.WorkQueueRule;
import dev.revcycle.collections.store.WorkQueueStore;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delinquent accounts a collector works, in {@link WorkQueueRule}'s order, each with its reason and next action. */
@ApplicationScoped
public class WorkQueue {
    @Inject
    WorkQueueStore store;

    @Inject
    Policies policies;

    public record Item(UUID accountId, WorkItemReason reason, String nextAction, int tier, BigDecimal patientBalance,
                       long ageDays, BigDecimal score, String dunningLevel, LocalDate promiseToPayUntil, String lastWorkedBy) {
    }

    public record Page(String practiceId, LocalDate asOf, String collector, long total, int page, int size, List<Item> items) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page of(Caller caller, String practiceId, LocalDate asOf, String collector, int page, int size) {
        PracticeDate.require(practiceId, asOf);
        caller.requirePractice(practiceId, "Practice");
        CollectionPolicy policy = policies.effective(practiceId);
        PlacementRule placement = new PlacementRule(policy.placementAfterDays(), policy.minimumPlacementBalance());
        List<Item> items = new ArrayList<>();
        for (WorkQueueStore.Row r : store.accounts(practiceId, asOf)) {
            if (collector != null && !collector.equals(r.lastWorkedBy())) {
                continue;
            }
            boolean ready = placement.eligible(new PlacementCandidate(r.patientBalance(), r.firstStatementOn(), r.level(),
                    r.held(), r.onPlan(), r.placed()), asOf);
            Optional<WorkItemReason> reason = WorkQueueRule.reason(new WorkQueueRule.Account(r.patientBalance(),
                    r.oldestOpenServiceDate(), r.held(), r.placed(), r.onPlan(), r.lapsed(), r.promiseOn(), r.paidSincePromise(),
                    r.level(), ready), asOf);
            if (reason.isEmpty()) {
                continue;
            }
            long age = WorkQueueRule.ageDays(r.oldestOpenServiceDate(), asOf);
            items.add(new Item(r.accountId(), reason.get(), reason.get().nextAction(), reason.get().tier(), r.patientBalance(),
                    age, WorkQueueRule.score(r.patientBalance(), age), r.level() == null ? null : r.level().name(), r.promiseOn(),
                    r.lastWorkedBy()));
        }
        items.sort(WorkQueueRule.order(Item::tier, Item::score, Item::ageDays, i -> i.accountId().toString()));
        int from = Math.min(items.size(), page * size);
        return new Page(practiceId, asOf, collector, items.size(), page, size, items.subList(from, Math.min(items.size(), from + size)));
    }
}
