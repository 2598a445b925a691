package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.CollectionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Practices' collection policies (practice_policy). */
@ApplicationScoped
public class PolicyStore {
    static final String FIND = """
            SELECT practice_id, statement_cycle_days, dunning_levels, grace_period_days, small_balance_threshold,
                placement_after_days, minimum_placement_balance, target_collection_rate, plan_minimum_installment,
                agency_name, agency_id, version, updated_by, updated_at
            FROM practice_policy WHERE practice_id = ?""";
    static final String UPSERT = """
            INSERT INTO practice_policy AS p (practice_id, statement_cycle_days, dunning_levels, grace_period_days,
                small_balance_threshold, placement_after_days, minimum_placement_balance, target_collection_rate,
                plan_minimum_installment, agency_name, agency_id, version, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (practice_id) DO UPDATE SET statement_cycle_days = EXCLUDED.statement_cycle_days,
                dunning_levels = EXCLUDED.dunning_levels, grace_period_days = EXCLUDED.grace_period_days,
                small_balance_threshold = EXCLUDED.small_balance_threshold,
                placement_after_days = EXCLUDED.placement_after_days,
                minimum_placement_balance = EXCLUDED.minimum_placement_balance,
                target_collection_rate = EXCLUDED.target_collection_rate,
                plan_minimum_installment = EXCLUDED.plan_minimum_installment, agency_name = EXCLUDED.agency_name,
                agency_id = EXCLUDED.agency_id, version = p.version + 1, updated_by = EXCLUDED.updated_by,
                updated_at = EXCLUDED.updated_at""";

    /** A practice's own policy as stored. */
    public record StoredPolicy(String practiceId, CollectionPolicy policy, long version, String updatedBy,
                               Instant updatedAt) {
    }

    @Inject
    Jdbc jdbc;

    public Optional<StoredPolicy> find(String practiceId) {
        return jdbc.one(FIND, PolicyStore::row, practiceId);
    }

    public void save(String practiceId, CollectionPolicy p, String actor, Instant now) {
        CollectionPolicy.Agency a = p.agency();
        jdbc.update(UPSERT, practiceId, p.statementCycleDays(), p.dunningLevels(), p.gracePeriodDays(),
                p.smallBalanceThreshold(), p.placementAfterDays(), p.minimumPlacementBalance(), p.targetCollectionRate(),
                p.planMinimumInstallment(), Jdbc.text(a == null ? null : a.name()), Jdbc.text(a == null ? null : a.id()),
                actor, now);
    }

    private static StoredPolicy row(ResultSet rs) throws SQLException {
        String agencyName = rs.getString("agency_name");
        CollectionPolicy policy = new CollectionPolicy(rs.getInt("statement_cycle_days"), rs.getInt("dunning_levels"),
                rs.getInt("grace_period_days"), rs.getBigDecimal("small_balance_threshold"),
                rs.getInt("placement_after_days"), rs.getBigDecimal("minimum_placement_balance"),
                rs.getBigDecimal("target_collection_rate"), rs.getBigDecimal("plan_minimum_installment"),
                agencyName == null ? null : new CollectionPolicy.Agency(agencyName, rs.getString("agency_id")));
        return new StoredPolicy(rs.getString("practice_id"), policy, rs.getLong("version"), rs.getString("updated_by"),
                Jdbc.instant(rs, "updated_at"));
    }
}
