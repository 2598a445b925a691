package dev.revcycle.collections.domain;

/** Where a payment plan stands. */
public enum PlanStatus {
    /** Installments are being paid (or are not yet due, or are missed within the grace period). */
    ACTIVE,
    /** The total is paid. A reversed payment that reopens the balance makes it ACTIVE again. */
    COMPLETED,
    /** An installment was missed past the grace period; the account is in the work queue. */
    LAPSED,
    /** A lapsed plan replaced by a renegotiated one (which links back to it). */
    RENEGOTIATED;

    /** A current plan: it replaces statements and keeps the account out of placement. */
    public boolean isCurrent() {
        return this == ACTIVE;
    }
}
