package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.store.PolicyStore;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import dev.revcycle.collections.store.WorkQueueStore;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The collection policy of a practice: {@link #effective(String)} is what every other use case (statement
 * runs, plans, placement, alerts) reads — the practice's own, or the defaults.
 */
@ApplicationScoped
public class Policies {
    @Inject
    PolicyStore store;

    @Inject
    Clock clock;

    /** What GET answers: the effective policy, whether the practice set it, and when. */
    public record EffectivePolicy(String practiceId, CollectionPolicy policy, boolean defaults, Long version,
                                  String updatedBy, Instant updatedAt) {
    }

    /** The practice's policy, or the defaults; no visibility check (for use cases and events). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CollectionPolicy effective(String practiceId) {
        return store.find(practiceId).map(PolicyStore.StoredPolicy::policy).orElse(CollectionPolicy.DEFAULTS);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EffectivePolicy get(Caller caller, String practiceId) {
        caller.requirePractice(practiceId, "Practice");
        return store.find(practiceId)
                .map(s -> new EffectivePolicy(practiceId, s.policy(), false, s.version(), s.updatedBy(), s.updatedAt()))
                .orElse(new EffectivePolicy(practiceId, CollectionPolicy.DEFAULTS, true, null, null, null));
    }

    @Inject
    WorkQueueStore workQueues;

    /** Replaces the practice's policy: a field left out takes its default. */
    @Transactional
    public EffectivePolicy put(Caller caller, String practiceId, CollectionPolicy.Terms terms) {
        caller.requirePractice(practiceId, "Practice");
        Violations.required("body", terms);
        CollectionPolicy policy = Violations.checked(terms, CollectionPolicy.Terms::violations).policy();
        String inconsistency = policy.inconsistency();
        if (inconsistency != null) {
            throw new Unprocessable(CollectionPolicy.INCONSISTENT, inconsistency);
        }
        store.save(practiceId, policy, caller.subject(), clock.instant());
        // placement readiness (a work queue reason) follows the policy: the practice's queues are built again
        for (LocalDate day : workQueues.days(practiceId)) {
            workQueues.dropDay(practiceId, day);
        }
        return get(caller, practiceId);
    }
}
