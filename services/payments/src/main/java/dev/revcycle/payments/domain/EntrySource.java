package dev.revcycle.payments.domain;

/** Where an entry came from (the ledger's audit trail). */
public enum EntrySource {
    CLAIM,
    REMITTANCE,
    PARTNER_PAYMENT,
    LOCKBOX,
    MANUAL,
    COLLECTIONS_REQUEST,
    TRANSFER
}
