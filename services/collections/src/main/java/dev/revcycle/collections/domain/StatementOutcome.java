package dev.revcycle.collections.domain;

/** What a statement run did with one account of the practice. */
public enum StatementOutcome {
    /** A statement went out, at the account's next dunning level. */
    ISSUED,
    /** The patient balance is under the small-balance threshold: one SMALL_BALANCE write-off was requested instead. */
    SMALL_BALANCE_WRITE_OFF,
    /** An open hold (any type) stops statements. */
    SKIPPED_HOLD,
    /** The patient's address is known to be undeliverable (returned mail). */
    SKIPPED_UNDELIVERABLE,
    /** A current (active) payment plan replaces statements. */
    SKIPPED_PLAN,
    /** Placed with an agency: the agency sends the letters now. */
    SKIPPED_PLACED;
}
