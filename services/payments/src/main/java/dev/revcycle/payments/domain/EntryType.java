package dev.revcycle.payments.domain;

/**
 * The kinds of ledger entry. Signs: a CHARGE adds to what is owed; PAYMENT, ADJUSTMENT, WRITE_OFF take
 * it away; REFUND gives money back (adds); a TRANSFER moves an amount between responsibilities and
 * leaves the balance unchanged (posted as a pair); a REVERSAL undoes one earlier entry exactly.
 */
public enum EntryType {
    CHARGE,
    PAYMENT,
    ADJUSTMENT,
    TRANSFER,
    REFUND,
    WRITE_OFF,
    REVERSAL
}
