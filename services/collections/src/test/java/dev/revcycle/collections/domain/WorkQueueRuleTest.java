package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkQueueRuleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static WorkQueueRule.Account account(int ageDays, boolean lapsed, LocalDate promise, boolean paid, DunningLevel level) {
        return new WorkQueueRule.Account(new BigDecimal("100.00"), AS_OF.minusDays(ageDays), false, false, false, lapsed,
                promise, paid, level, false);
    }

    @Test
    void reasonsInPriorityOrder() {
        assertThat(WorkQueueRule.reason(account(10, true, null, false, null), AS_OF)).contains(WorkItemReason.LAPSED_PLAN);
        assertThat(WorkQueueRule.reason(account(10, false, AS_OF.minusDays(1), false, null), AS_OF)).contains(WorkItemReason.BROKEN_PROMISE);
        assertThat(WorkQueueRule.reason(account(10, false, AS_OF.minusDays(1), true, null), AS_OF)).isEmpty();
        assertThat(WorkQueueRule.reason(account(100, false, null, false, DunningLevel.FINAL_NOTICE), AS_OF))
                .contains(WorkItemReason.FINAL_NOTICE_SENT);
        assertThat(WorkQueueRule.reason(account(91, false, null, false, DunningLevel.REMINDER), AS_OF)).contains(WorkItemReason.OVER_90_DAYS);
        assertThat(WorkItemReason.LAPSED_PLAN.nextAction()).contains("renegotiate");
    }

    @Test
    void recentBalancesFollowTheStatementProtocolAndPromisesSuppressUntilTheirDate() {
        assertThat(WorkQueueRule.reason(account(90, false, null, false, DunningLevel.PAST_DUE), AS_OF)).isEmpty();
        assertThat(WorkQueueRule.reason(account(200, true, AS_OF, false, null), AS_OF)).isEmpty();
        assertThat(WorkQueueRule.reason(account(200, true, AS_OF.plusDays(3), false, null), AS_OF)).isEmpty();
        WorkQueueRule.Account held = new WorkQueueRule.Account(new BigDecimal("100.00"), AS_OF.minusDays(300), true, false,
                false, true, null, false, DunningLevel.FINAL_NOTICE, false);
        assertThat(WorkQueueRule.reason(held, AS_OF)).isEmpty();
    }

    record Item(String id, int tier, BigDecimal score, long age) {
    }

    @Test
    void tierFirstThenBalanceTimesAge() {
        assertThat(WorkQueueRule.score(new BigDecimal("100.00"), 120)).isEqualByComparingTo("12000.00");
        List<Item> items = new ArrayList<>(List.of(new Item("a", 2, new BigDecimal("50000"), 300),
                new Item("b", 1, new BigDecimal("10"), 5), new Item("c", 2, new BigDecimal("90000"), 100),
                new Item("d", 2, new BigDecimal("90000"), 200)));
        items.sort(WorkQueueRule.order(Item::tier, Item::score, Item::age, Item::id));
        assertThat(items).extracting(Item::id).containsExactly("b", "d", "c", "a");
    }
}
