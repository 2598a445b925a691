package dev.revcycle.collections.api;

import dev.revcycle.collections.app.Policies;
import dev.revcycle.collections.domain.CollectionPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Policy")
public record PolicyView(String practiceId, int statementCycleDays, int dunningLevels, int gracePeriodDays,
                         BigDecimal smallBalanceThreshold, int placementAfterDays, BigDecimal minimumPlacementBalance,
                         BigDecimal targetCollectionRate, BigDecimal planMinimumInstallment,
                         PolicyRequest.AgencyBody agency,
                         @Schema(description = "true while the practice has not set its own") boolean defaults,
                         Long version, String updatedBy, Instant updatedAt) {

    static PolicyView of(Policies.EffectivePolicy e) {
        CollectionPolicy p = e.policy();
        return new PolicyView(e.practiceId(), p.statementCycleDays(), p.dunningLevels(), p.gracePeriodDays(),
                p.smallBalanceThreshold(), p.placementAfterDays(), p.minimumPlacementBalance(), p.targetCollectionRate(),
                p.planMinimumInstallment(),
                p.agency() == null ? null : new PolicyRequest.AgencyBody(p.agency().name(), p.agency().id()),
                e.defaults(), e.version(), e.updatedBy(), e.updatedAt());
    }
}
