package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CollectionPolicyTest {
    @Test
    void leftOutFieldsTakeTheDefaults() {
        CollectionPolicy p = new CollectionPolicy.Terms(28, null, null, null, null, null, null, null, null).policy();
        assertThat(p.statementCycleDays()).isEqualTo(28);
        assertThat(p.dunningLevels()).isEqualTo(4);
        assertThat(p.smallBalanceThreshold()).isEqualByComparingTo("5.00");
        assertThat(p.targetCollectionRate()).isEqualByComparingTo("0.95");
        assertThat(p.inconsistency()).isNull();
        assertThat(CollectionPolicy.DEFAULTS.inconsistency()).isNull();
    }

    @Test
    void rangesAreCheckedPerFieldAndPeriodsTogether() {
        assertThat(new CollectionPolicy.Terms(6, 0, 61, new BigDecimal("-1"), 29, new BigDecimal("1.001"),
                new BigDecimal("0.4"), new BigDecimal("0.99"), new CollectionPolicy.Agency(null, "a b")).violations()
                .stream().map(FieldError::field)).containsExactly("statementCycleDays", "dunningLevels", "gracePeriodDays",
                "placementAfterDays", "smallBalanceThreshold", "minimumPlacementBalance", "planMinimumInstallment",
                "targetCollectionRate", "agency.name", "agency.id");
        assertThat(new CollectionPolicy.Terms(60, 4, null, null, 120, null, null, null, null).policy().inconsistency())
                .contains("180");
        assertThat(new CollectionPolicy.Terms(null, null, null, new BigDecimal("30"), null, new BigDecimal("10"), null, null,
                null).policy().inconsistency()).contains("minimumPlacementBalance");
    }

    @Test
    void theLastLevelIsAlwaysTheFinalNotice() {
        CollectionPolicy two = new CollectionPolicy.Terms(null, 2, null, null, null, null, null, null, null).policy();
        assertThat(two.letter(1)).isEqualTo(CollectionPolicy.DunningLevel.STATEMENT);
        assertThat(two.letter(2)).isEqualTo(CollectionPolicy.DunningLevel.FINAL_NOTICE);
        assertThat(CollectionPolicy.DEFAULTS.letter(3)).isEqualTo(CollectionPolicy.DunningLevel.PAST_DUE);
    }
}
