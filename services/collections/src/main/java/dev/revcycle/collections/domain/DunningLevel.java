package dev.revcycle.collections.domain;

/**
 * The letters of a dunning cycle, in order. A practice's policy sets how many it uses
 * ({@code dunningLevels}, 1–4): the last one used is always the final notice, the ones before it are
 * taken from the front (two levels: statement, final notice; three: statement, reminder, final notice).
 */
public enum DunningLevel {
    STATEMENT("Thank you for choosing us for your care. This statement shows what remains after insurance; "
            + "please pay the amount due by the due date."),
    REMINDER("Reminder: our records show the balance below is still open. Please pay the amount due by the due "
            + "date or call us to discuss payment options."),
    PAST_DUE("PAST DUE: your balance is past due. Please pay the amount due now or call us to set up a payment "
            + "plan."),
    FINAL_NOTICE("FINAL NOTICE: unless the amount due is paid or a payment arrangement is made by the due date, "
            + "the account may be referred to a collection agency.");

    private final String message;

    DunningLevel(String message) {
        this.message = message;
    }

    /** The message printed on a statement at this level. */
    public String message() {
        return message;
    }

    /** The level of the first statement of an unpaid balance. */
    public static DunningLevel first(int levels) {
        return sequence(levels)[0];
    }

    /**
     * The level of the next statement after one at {@code previous} (null: none yet). After the final
     * notice the account stays at the final notice: it is repeated each cycle until it is paid, put on a
     * plan, held or placed. A level the policy no longer sends (its levels were cut) goes to the final notice.
     */
    public static DunningLevel next(DunningLevel previous, int levels) {
        DunningLevel[] sequence = sequence(levels);
        if (previous == null) {
            return sequence[0];
        }
        for (int i = 0; i < sequence.length - 1; i++) {
            if (sequence[i] == previous) {
                return sequence[i + 1];
            }
        }
        return FINAL_NOTICE;
    }

    /** The levels a policy with {@code levels} letters sends, in order. */
    public static DunningLevel[] sequence(int levels) {
        if (levels < 1 || levels > 4) {
            throw new IllegalArgumentException("dunning levels must be 1 to 4");
        }
        DunningLevel[] sequence = new DunningLevel[levels];
        for (int i = 0; i < levels - 1; i++) {
            sequence[i] = values()[i];
        }
        sequence[levels - 1] = FINAL_NOTICE;
        return sequence;
    }
}
