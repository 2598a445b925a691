package dev.revcycle.payments.domain;

/** Who is expected to pay an amount: the insurance (a payer) or the patient (guarantor). */
public enum Responsibility {
    INSURANCE,
    PATIENT
}
