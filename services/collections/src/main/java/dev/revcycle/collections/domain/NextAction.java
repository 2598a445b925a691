package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a collector should do next with an account, by a fixed order of rules (the first that applies):
 * merged → NONE; an active hold → HOLD (its type says what it allows); placed → AGENCY; nothing owed → NONE;
 * a promise to pay not yet due → WAIT_FOR_PROMISE; a plan in arrears → FOLLOW_UP_PLAN; a current plan →
 * NONE; a balance under the small-balance threshold → WRITE_OFF_SMALL_BALANCE; no statement yet →
 * SEND_STATEMENT; a statement cycle passed → SEND_STATEMENT at the next level, or, after the final notice,
 * CONSIDER_PLACEMENT; else WAIT until the next statement is due.
 *
 * @param on the day it is due (null: now)
 */
public record NextAction(String action, String description, LocalDate on) {

    public static NextAction decide(Account account, List<Hold> activeHolds, Standing standing, CollectionPolicy policy,
                                    LocalDate asOf) {
        if (account.mergedInto() != null) {
            return new NextAction("NONE", "The patient was merged: work the surviving account", null);
        }
        if (!activeHolds.isEmpty()) {
            Hold h = activeHolds.get(0);
            return new NextAction("HOLD", switch (h.type()) {
                case BANKRUPTCY -> "Bankruptcy: no statements, calls or plan follow-up (automatic stay) until discharge or dismissal";
                case PROBATE -> "Deceased: bill the estate through probate, not the patient";
                case ATTORNEY -> "Represented by an attorney: contact the firm only";
                case DISPUTE -> "Disputed: resolve the dispute before collecting";
                case RETURNED_MAIL -> "Mail returned: find a good address before the next statement";
            }, h.until());
        }
        Standing s = standing == null ? Standing.NONE : standing;
        if (s.placement() != null) {
            return new NextAction("AGENCY", "Placed with " + s.placement().agencyName() + ": refer the patient to the agency", null);
        }
        BigDecimal owed = account.balances().patientBalance();
        if (owed.signum() <= 0) {
            return new NextAction("NONE", "Nothing owed by the patient", null);
        }
        if (account.promiseCovers(asOf)) {
            return new NextAction("WAIT_FOR_PROMISE", "Promised to pay by this day", account.promiseToPayUntil());
        }
        if (s.plan() != null && s.plan().inArrears()) {
            return new NextAction("FOLLOW_UP_PLAN", "An installment of the payment plan is past due", null);
        }
        if (s.plan() != null && s.plan().current()) {
            return new NextAction("NONE", "On a current payment plan", s.plan().nextDueDate());
        }
        if (owed.compareTo(policy.smallBalanceThreshold()) < 0) {
            return new NextAction("WRITE_OFF_SMALL_BALANCE", "Under the practice's small-balance threshold", null);
        }
        Standing.Statement last = s.lastStatement();
        if (last == null) {
            return new NextAction("SEND_STATEMENT", "No statement sent yet: send the first (" + policy.letter(1) + ")", null);
        }
        LocalDate nextCycle = last.issuedOn().plusDays(policy.statementCycleDays());
        if (asOf.isBefore(nextCycle)) {
            return new NextAction("WAIT", "The next statement is due on this day", nextCycle);
        }
        if (last.level() < policy.dunningLevels()) {
            return new NextAction("SEND_STATEMENT", "Send the next statement (" + policy.letter(last.level() + 1) + ")", null);
        }
        return new NextAction("CONSIDER_PLACEMENT", "The final notice went unanswered: consider agency placement", null);
    }
}
