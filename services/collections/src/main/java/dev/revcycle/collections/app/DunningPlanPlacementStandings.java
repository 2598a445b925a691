package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.DunningLevel;
import dev.revcycle.collections.domain.PaymentPlan;
import dev.revcycle.collections.domain.PlanFrequency;
import dev.revcycle.collections.domain.PlanStatus;
import dev.revcycle.collections.domain.PlanTerms;
import dev.revcycle.collections.domain.Standing;
import dev.revcycle.collections.store.StandingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link AccountStandings} of statements, plans and placement (replaces {@link NoStandings}): the dunning
 * level and last statement, the plan in force (ACTIVE or LAPSED) with what is past due beyond the grace period,
 * and the active placement — for many accounts in one statement.
 */
@ApplicationScoped
public class DunningPlanPlacementStandings implements AccountStandings {
    @Inject
    StandingStore store;

    @Inject
    Policies policies;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Standing> of(Collection<UUID> accountIds, LocalDate asOf) {
        Map<UUID, Standing> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        Map<String, Integer> grace = new HashMap<>();
        for (StandingStore.Row r : store.of(accountIds.toArray(UUID[]::new))) {
            Integer level = r.level() == null ? null : DunningLevel.valueOf(r.level()).ordinal() + 1;
            Standing.Statement statement = r.statementId() == null ? null : new Standing.Statement(r.statementId(),
                    r.statementDate(), DunningLevel.valueOf(r.statementLevel()).ordinal() + 1, r.statementLevel(), r.amountDue(),
                    r.dueDate());
            Standing.Plan plan = null;
            if (r.planId() != null) {
                PaymentPlan p = new PaymentPlan(new PlanTerms(r.totalAmount(), r.installmentAmount(),
                        PlanFrequency.valueOf(r.frequency()), r.firstDueDate()), PlanStatus.valueOf(r.planStatus()), r.paid());
                int days = grace.computeIfAbsent(r.practiceId(), practice -> policies.effective(practice).gracePeriodDays());
                plan = new Standing.Plan(r.planId(), r.planStatus(), r.installmentAmount(), r.frequency(), r.nextDueDate(),
                        p.remaining(), p.amountDue(asOf.minusDays(days + 1L)));
            }
            Standing.Placement placement = r.placementId() == null ? null : new Standing.Placement(r.placementId(),
                    r.agencyName(), r.agencyId(), r.placedOn(), r.placedAmount());
            out.put(r.accountId(), new Standing(level, plan, statement, placement));
        }
        return out;
    }
}
