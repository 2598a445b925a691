package dev.revcycle.collections.domain;

/** Why collection stops on an account. */
public enum HoldType {
    /** The patient filed for bankruptcy (the automatic stay): no statements, no plan follow-up, no placement. */
    BANKRUPTCY,
    /** The patient died: the estate is billed through probate, not the patient. Opened on PatientDeceased. */
    PROBATE,
    /** An attorney represents the patient (often with a letter of protection until a settlement). */
    ATTORNEY,
    /** The patient disputes the bill. */
    DISPUTE,
    /** Mail came back: no statement goes to an address known to be wrong. Opened on PatientAddressUndeliverable. */
    RETURNED_MAIL
}
