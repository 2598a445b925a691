package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NextActionAndAlertsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final CollectionPolicy POLICY = CollectionPolicy.DEFAULTS;

    static Account account(String patient, LocalDate oldest, LocalDate promise) {
        BigDecimal p = new BigDecimal(patient);
        return new Account(UUID.randomUUID(), "p1", UUID.randomUUID(), new AccountBalances(p, BigDecimal.ZERO, p,
                BigDecimal.ZERO, oldest, 2), promise, null, null);
    }

    static Hold hold(HoldType type) {
        return new Hold(UUID.randomUUID(), UUID.randomUUID(), "p1", UUID.randomUUID(), type, null, null, null, false, null,
                null, null, null, "x", Instant.now(), null, null, null, null, null, null);
    }

    static Standing statement(int level, LocalDate issued) {
        return new Standing(level, null, new Standing.Statement(UUID.randomUUID(), issued, level, "x",
                new BigDecimal("80.00"), issued.plusDays(25)), null);
    }

    @Test
    void theRulesApplyInTheirOrder() {
        Account owes = account("80.00", TODAY.minusDays(50), null);
        assertThat(NextAction.decide(owes, List.of(hold(HoldType.DISPUTE)), null, POLICY, TODAY).action()).isEqualTo("HOLD");
        assertThat(NextAction.decide(account("0.00", null, null), List.of(), null, POLICY, TODAY).action()).isEqualTo("NONE");
        assertThat(NextAction.decide(account("80.00", TODAY, TODAY.plusDays(3)), List.of(), null, POLICY, TODAY).action())
                .isEqualTo("WAIT_FOR_PROMISE");
        assertThat(NextAction.decide(account("4.99", TODAY, null), List.of(), null, POLICY, TODAY).action())
                .isEqualTo("WRITE_OFF_SMALL_BALANCE");
        assertThat(NextAction.decide(owes, List.of(), null, POLICY, TODAY).action()).isEqualTo("SEND_STATEMENT");
        NextAction wait = NextAction.decide(owes, List.of(), statement(1, TODAY.minusDays(10)), POLICY, TODAY);
        assertThat(wait.action()).isEqualTo("WAIT");
        assertThat(wait.on()).isEqualTo(TODAY.plusDays(20));
        assertThat(NextAction.decide(owes, List.of(), statement(2, TODAY.minusDays(30)), POLICY, TODAY).description())
                .contains("PAST_DUE");
        assertThat(NextAction.decide(owes, List.of(), statement(4, TODAY.minusDays(30)), POLICY, TODAY).action())
                .isEqualTo("CONSIDER_PLACEMENT");
        Standing arrears = new Standing(null, new Standing.Plan(UUID.randomUUID(), "ACTIVE", new BigDecimal("25.00"),
                "MONTHLY", TODAY, new BigDecimal("80.00"), new BigDecimal("25.00")), null, null);
        assertThat(NextAction.decide(owes, List.of(), arrears, POLICY, TODAY).action()).isEqualTo("FOLLOW_UP_PLAN");
        Standing placed = new Standing(4, null, null, new Standing.Placement(UUID.randomUUID(), "MWR", "M1", TODAY, BigDecimal.TEN));
        assertThat(NextAction.decide(owes, List.of(), placed, POLICY, TODAY).action()).isEqualTo("AGENCY");
    }

    @Test
    void alertsAskForWhatTheAccountAllows() {
        Account owes = account("80.00", TODAY.minusDays(50), null);
        List<AppointmentAlert.Item> pastDue = AppointmentAlert.of(owes, List.of(), null, POLICY, TODAY);
        assertThat(pastDue).singleElement().extracting(AppointmentAlert.Item::type).isEqualTo(AppointmentAlert.Type.PAST_DUE_BALANCE);
        assertThat(AppointmentAlert.amountToAsk(pastDue)).isEqualByComparingTo("80.00");
        // not past due yet: the first cycle has not run out
        assertThat(AppointmentAlert.of(account("80.00", TODAY.minusDays(10), null), List.of(), null, POLICY, TODAY)).isEmpty();
        // a statement's due date decides once there is one
        assertThat(AppointmentAlert.of(owes, List.of(), statement(1, TODAY.minusDays(5)), POLICY, TODAY)).isEmpty();
        List<AppointmentAlert.Item> held = AppointmentAlert.of(owes, List.of(hold(HoldType.ATTORNEY)), null, POLICY, TODAY);
        assertThat(held).singleElement().extracting(AppointmentAlert.Item::holdType).isEqualTo("ATTORNEY");
        assertThat(AppointmentAlert.amountToAsk(held)).isEqualByComparingTo("0.00");
        Standing arrears = new Standing(null, new Standing.Plan(UUID.randomUUID(), "ACTIVE", new BigDecimal("25.00"),
                "MONTHLY", TODAY, new BigDecimal("80.00"), new BigDecimal("50.00")), null, null);
        assertThat(AppointmentAlert.amountToAsk(AppointmentAlert.of(owes, List.of(), arrears, POLICY, TODAY)))
                .isEqualByComparingTo("50.00");
        Standing current = new Standing(null, new Standing.Plan(UUID.randomUUID(), "ACTIVE", new BigDecimal("25.00"),
                "MONTHLY", TODAY.plusDays(5), new BigDecimal("80.00"), BigDecimal.ZERO), null, null);
        assertThat(AppointmentAlert.of(owes, List.of(), current, POLICY, TODAY)).isEmpty();
    }
}
