package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementCycleTest {
    private static final LocalDate RUN = LocalDate.of(2026, 12, 1);
    private final StatementCycle cycle = new StatementCycle(30, 4, new BigDecimal("5.00"), 21);

    private static StatementCandidate owing(String balance) {
        return new StatementCandidate(new BigDecimal(balance), false, false, false, false, null, null, false);
    }

    @Test
    void aBalanceNeverStatedGetsTheFirstStatementDueInTwentyOneDays() {
        assertThat(cycle.decide(owing("120.00"), RUN)).contains(StatementOutcome.ISSUED);
        assertThat(cycle.nextLevel(null)).isEqualTo(DunningLevel.STATEMENT);
        assertThat(cycle.dueDate(RUN)).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void theLevelsAdvanceOncePerCycleAndTheFinalNoticeRepeats() {
        assertThat(cycle.nextLevel(DunningLevel.STATEMENT)).isEqualTo(DunningLevel.REMINDER);
        assertThat(cycle.nextLevel(DunningLevel.REMINDER)).isEqualTo(DunningLevel.PAST_DUE);
        assertThat(cycle.nextLevel(DunningLevel.PAST_DUE)).isEqualTo(DunningLevel.FINAL_NOTICE);
        assertThat(cycle.nextLevel(DunningLevel.FINAL_NOTICE)).isEqualTo(DunningLevel.FINAL_NOTICE);
        StatementCandidate statedRecently = new StatementCandidate(new BigDecimal("120.00"), false, false, false, false,
                RUN.minusDays(29), DunningLevel.STATEMENT, false);
        assertThat(cycle.decide(statedRecently, RUN)).isEmpty();
        StatementCandidate statedACycleAgo = new StatementCandidate(new BigDecimal("120.00"), false, false, false, false,
                RUN.minusDays(30), DunningLevel.STATEMENT, false);
        assertThat(cycle.decide(statedACycleAgo, RUN)).contains(StatementOutcome.ISSUED);
    }

    @Test
    void fewerLevelsKeepTheFinalNoticeLast() {
        assertThat(DunningLevel.sequence(2)).containsExactly(DunningLevel.STATEMENT, DunningLevel.FINAL_NOTICE);
        assertThat(DunningLevel.sequence(3)).containsExactly(DunningLevel.STATEMENT, DunningLevel.REMINDER, DunningLevel.FINAL_NOTICE);
        assertThat(DunningLevel.sequence(1)).containsExactly(DunningLevel.FINAL_NOTICE);
        assertThat(DunningLevel.next(DunningLevel.STATEMENT, 2)).isEqualTo(DunningLevel.FINAL_NOTICE);
        // a policy cut from four levels to three: an account at PAST_DUE goes on to the final notice
        assertThat(DunningLevel.next(DunningLevel.PAST_DUE, 3)).isEqualTo(DunningLevel.FINAL_NOTICE);
        assertThatThrownBy(() -> DunningLevel.sequence(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DunningLevel.sequence(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLevelHasItsOwnMessage() {
        assertThat(DunningLevel.STATEMENT.message()).doesNotContain("FINAL");
        assertThat(DunningLevel.PAST_DUE.message()).startsWith("PAST DUE");
        assertThat(DunningLevel.FINAL_NOTICE.message()).startsWith("FINAL NOTICE").contains("collection agency");
    }

    @Test
    void holdsUndeliverableAddressesPlansAndPlacementsAreSkippedInThatOrder() {
        BigDecimal b = new BigDecimal("80.00");
        assertThat(cycle.decide(new StatementCandidate(b, true, true, true, true, null, null, false), RUN))
                .contains(StatementOutcome.SKIPPED_PLACED);
        assertThat(cycle.decide(new StatementCandidate(b, true, true, true, false, null, null, false), RUN))
                .contains(StatementOutcome.SKIPPED_HOLD);
        assertThat(cycle.decide(new StatementCandidate(b, false, true, true, false, null, null, false), RUN))
                .contains(StatementOutcome.SKIPPED_UNDELIVERABLE);
        assertThat(cycle.decide(new StatementCandidate(b, false, false, true, false, null, null, false), RUN))
                .contains(StatementOutcome.SKIPPED_PLAN);
    }

    @Test
    void aSmallBalanceIsWrittenOffOnceAndNeverStated() {
        assertThat(cycle.decide(owing("4.99"), RUN)).contains(StatementOutcome.SMALL_BALANCE_WRITE_OFF);
        assertThat(cycle.decide(owing("5.00"), RUN)).contains(StatementOutcome.ISSUED);
        StatementCandidate requested = new StatementCandidate(new BigDecimal("4.99"), false, false, false, false, null, null, true);
        assertThat(cycle.decide(requested, RUN)).isEmpty();
        // a held small balance is not written off
        assertThat(cycle.decide(new StatementCandidate(new BigDecimal("1.00"), true, false, false, false, null, null, false), RUN))
                .contains(StatementOutcome.SKIPPED_HOLD);
    }

    @Test
    void noPatientBalanceNoStatement() {
        assertThat(cycle.decide(owing("0.00"), RUN)).isEqualTo(Optional.empty());
        assertThat(cycle.decide(owing("-10.00"), RUN)).isEmpty();
    }

    @Test
    void badPoliciesAreRefused() {
        assertThatThrownBy(() -> new StatementCycle(0, 4, BigDecimal.ONE, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementCycle(30, 4, new BigDecimal("-1"), 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementCycle(30, 4, BigDecimal.ONE, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
