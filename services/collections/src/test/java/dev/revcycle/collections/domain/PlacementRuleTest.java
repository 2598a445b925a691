package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlacementRuleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final PlacementRule rule = new PlacementRule(120, new BigDecimal("50.00"));

    private static PlacementCandidate account(String balance, int daysSinceFirstStatement, DunningLevel level,
                                              boolean hold, boolean plan, boolean placed) {
        return new PlacementCandidate(new BigDecimal(balance), AS_OF.minusDays(daysSinceFirstStatement), level, hold, plan, placed);
    }

    @Test
    void placesExactlyTheAccountsPastTheDaysAboveTheMinimumWithTheFinalNoticeSentAndNothingInTheWay() {
        assertThat(rule.eligible(account("50.00", 120, DunningLevel.FINAL_NOTICE, false, false, false), AS_OF)).isTrue();
        assertThat(rule.whyNot(account("49.99", 200, DunningLevel.FINAL_NOTICE, false, false, false), AS_OF))
                .contains("patient balance under the minimum placement balance");
        assertThat(rule.whyNot(account("500.00", 119, DunningLevel.FINAL_NOTICE, false, false, false), AS_OF))
                .contains("fewer than 120 days since the first statement");
        assertThat(rule.whyNot(account("500.00", 200, DunningLevel.PAST_DUE, false, false, false), AS_OF))
                .contains("no final notice sent");
        assertThat(rule.whyNot(account("500.00", 200, DunningLevel.FINAL_NOTICE, true, false, false), AS_OF)).contains("on hold");
        assertThat(rule.whyNot(account("500.00", 200, DunningLevel.FINAL_NOTICE, false, true, false), AS_OF))
                .contains("on a current payment plan");
        assertThat(rule.whyNot(account("500.00", 200, DunningLevel.FINAL_NOTICE, false, false, true), AS_OF)).contains("already placed");
        assertThat(rule.eligible(new PlacementCandidate(new BigDecimal("500.00"), null, null, false, false, false), AS_OF)).isFalse();
    }
}
