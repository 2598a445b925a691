package dev.revcycle.collections.api;

import dev.revcycle.collections.domain.CollectionPolicy;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /practices/{id}/policy: every field optional (an omitted one takes its default). */
@Schema(name = "PolicyRequest")
public record PolicyRequest(@Schema(example = "30", description = "7-90; default 30") Integer statementCycleDays,
                            @Schema(example = "4", description = "1-4 (statement, reminder, past due, final notice); default 4") Integer dunningLevels,
                            @Schema(example = "10", description = "0-60; default 10") Integer gracePeriodDays,
                            @Schema(example = "5.00", description = "0-100.00; default 5.00") BigDecimal smallBalanceThreshold,
                            @Schema(example = "120", description = "30-730, counted from the first statement; default 120") Integer placementAfterDays,
                            @Schema(example = "25.00", description = "default 25.00") BigDecimal minimumPlacementBalance,
                            @Schema(example = "0.95", description = "0.5-1; default 0.95") BigDecimal targetCollectionRate,
                            @Schema(example = "25.00", description = "1.00-10,000.00; default 25.00") BigDecimal planMinimumInstallment,
                            AgencyBody agency) {

    @Schema(name = "Agency")
    public record AgencyBody(@Schema(required = true, example = "Midwest Recovery") String name,
                             @Schema(required = true, example = "MWR-0042", description = "the practice's client id at the agency") String id) {
    }

    CollectionPolicy.Terms terms() {
        return new CollectionPolicy.Terms(statementCycleDays, dunningLevels, gracePeriodDays, smallBalanceThreshold,
                placementAfterDays, minimumPlacementBalance, targetCollectionRate, planMinimumInstallment,
                agency == null ? null : new CollectionPolicy.Agency(agency.name(), agency.id()));
    }
}
