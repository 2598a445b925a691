package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aging deltas of an account's change, and the movements' effects by payments' sign rules. */
class LedgerArithmeticTest {
    static final LocalDate D1 = LocalDate.of(2026, 9, 1);
    static final LocalDate D2 = LocalDate.of(2026, 10, 1);

    static AccountBalances balances(String patient, String insurance, LocalDate oldest) {
        BigDecimal p = new BigDecimal(patient);
        BigDecimal i = new BigDecimal(insurance);
        return new AccountBalances(p.add(i), i, p, BigDecimal.ZERO, oldest, 1);
    }

    @Test
    void anAccountMovesOutOfItsOldDateIntoTheNewOne() {
        List<AgingContribution> change = AgingContribution.change(balances("10.00", "90.00", D2).contribution(),
                balances("10.00", "0.00", D1).contribution());
        assertThat(change).hasSize(2);
        assertThat(change.get(0).serviceDate()).isEqualTo(D1);
        assertThat(change.get(0).accounts()).isEqualTo(1);
        assertThat(change.get(0).insuranceAccounts()).isEqualTo(0);
        assertThat(change.get(1).serviceDate()).isEqualTo(D2);
        assertThat(change.get(1).accounts()).isEqualTo(-1);
        assertThat(change.get(1).insuranceBalance()).isEqualByComparingTo("-90.00");
    }

    @Test
    void theSameDateIsOneDeltaAndNothingOwedIsNoPart() {
        List<AgingContribution> same = AgingContribution.change(balances("10.00", "90.00", D1).contribution(),
                balances("25.00", "90.00", D1).contribution());
        assertThat(same).singleElement().satisfies(c -> {
            assertThat(c.accounts()).isZero();
            assertThat(c.patientBalance()).isEqualByComparingTo("15.00");
        });
        assertThat(balances("0.00", "0.00", null).contribution()).isNull();
        assertThat(balances("5.00", "0.00", null).contribution().serviceDate()).isEqualTo(AccountBalances.UNDATED);
        assertThat(AgingContribution.change(balances("5.00", "0.00", D1).contribution(), null).get(0).accounts()).isEqualTo(-1);
        assertThat(AgingContribution.change(null, null)).isEmpty();
    }

    static Movement movement(Movement.Type type, String kind, String entryType, String responsibility) {
        return new Movement(UUID.randomUUID(), UUID.randomUUID(), "p1", null, type, kind, entryType, new BigDecimal("20.00"),
                responsibility, null, null, null, null, null, null, null, null, D1, null, 1);
    }

    @Test
    void effectsFollowPaymentsSignRules() {
        assertThat(movement(Movement.Type.CHARGE, null, "CHARGE", "INSURANCE").effects()).containsExactly(
                new BigDecimal("20.00"), new BigDecimal("0.00"));
        assertThat(movement(Movement.Type.PAYMENT, "CARD", "PAYMENT", "PATIENT").effects()).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("-20.00"));
        assertThat(movement(Movement.Type.ADJUSTMENT, "TRANSFER", "TRANSFER", "PATIENT").effects()).containsExactly(
                new BigDecimal("-20.00"), new BigDecimal("20.00"));
        assertThat(movement(Movement.Type.ADJUSTMENT, "WRITE_OFF", "WRITE_OFF", "PATIENT").effects()).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("-20.00"));
        assertThat(movement(Movement.Type.ADJUSTMENT, "RECOVERY", "REVERSAL", "PATIENT").effects()).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("20.00"));
        assertThat(movement(Movement.Type.ADJUSTMENT, "REVERSAL", "REVERSAL", "INSURANCE").effects()).containsExactly(null, null);
        assertThat(movement(Movement.Type.PAYMENT_REVERSAL, null, "REVERSAL", "PATIENT").effects()).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("20.00"));
        assertThat(movement(Movement.Type.REFUND, "PATIENT", "REFUND", "PATIENT").effects()).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("20.00"));
    }
}
