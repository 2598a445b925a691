package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the front desk should see when a patient with an appointment owes, is on a plan in arrears, has a hold
 * or was placed with the agency — and the amount to ask for at the visit. Per account, by these rules:
 * <ul>
 *   <li>a BANKRUPTCY, PROBATE, ATTORNEY or DISPUTE hold: the alert, and nothing is asked on that account;</li>
 *   <li>placed with the agency: the alert (refer to the agency), nothing asked;</li>
 *   <li>a plan in arrears: the amount past due on the plan is asked;</li>
 *   <li>otherwise a past-due patient balance (its statement's due date, or, before any statement, the oldest open
 *       date of service plus one statement cycle, is before the appointment): the whole patient balance is asked;</li>
 *   <li>a RETURNED_MAIL hold adds "confirm the address" and does not change what is asked.</li>
 * </ul>
 */
public record AppointmentAlert(UUID patientId, LocalDate appointmentDate, List<Item> alerts, BigDecimal amountToAsk) {

    public enum Type { PAST_DUE_BALANCE, PLAN_IN_ARREARS, HOLD, PLACED_WITH_AGENCY }

    public record Item(Type type, UUID accountId, String holdType, String message, BigDecimal amount) {
    }

    /** The alerts of one account for an appointment on {@code date} (empty: nothing to say). */
    public static List<Item> of(Account account, List<Hold> activeHolds, Standing standing, CollectionPolicy policy,
                                LocalDate date) {
        List<Item> items = new ArrayList<>();
        Standing s = standing == null ? Standing.NONE : standing;
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        boolean stopsAsking = false;
        for (Hold h : activeHolds) {
            String message = switch (h.type()) {
                case BANKRUPTCY -> "Bankruptcy on file: do not ask for payment on this account";
                case PROBATE -> "Patient recorded as deceased: the estate is billed, do not ask for payment";
                case ATTORNEY -> "Represented by an attorney: refer payment questions to the firm";
                case DISPUTE -> "Balance disputed: refer the patient to a collector, do not ask for payment";
                case RETURNED_MAIL -> "Mail to the patient came back: confirm the mailing address";
            };
            stopsAsking |= h.type() != HoldType.RETURNED_MAIL;
            items.add(new Item(Type.HOLD, account.id(), h.type().name(), message, zero));
        }
        if (s.placement() != null) {
            items.add(new Item(Type.PLACED_WITH_AGENCY, account.id(), null,
                    "Placed with " + s.placement().agencyName() + ": refer the patient to the agency", zero));
            stopsAsking = true;
        }
        BigDecimal owed = account.balances().patientBalance();
        if (stopsAsking || owed.signum() <= 0) {
            return items;
        }
        if (s.plan() != null && s.plan().inArrears()) {
            items.add(new Item(Type.PLAN_IN_ARREARS, account.id(), null,
                    "Payment plan installment past due: ask for the amount past due", s.plan().pastDue().min(owed)));
        } else if (s.plan() == null || !s.plan().current()) {
            LocalDate due = s.lastStatement() != null && s.lastStatement().dueDate() != null ? s.lastStatement().dueDate()
                    : account.balances().oldestOpenServiceDate() == null ? null
                    : account.balances().oldestOpenServiceDate().plusDays(policy.statementCycleDays());
            if (due != null && due.isBefore(date)) {
                items.add(new Item(Type.PAST_DUE_BALANCE, account.id(), null,
                        "Past-due patient balance: ask for payment at check-in", owed));
            }
        }
        return items;
    }

    public static BigDecimal amountToAsk(List<Item> items) {
        return items.stream().map(Item::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
