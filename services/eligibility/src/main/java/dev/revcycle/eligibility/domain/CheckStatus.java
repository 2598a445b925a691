package dev.revcycle.eligibility.domain;

/**
 * What an eligibility check found: the payer says covered (ACTIVE) or not (INACTIVE), or there is no
 * usable answer (ERROR: the payer rejected the inquiry, or the clearinghouse failed).
 */
public enum CheckStatus {
    ACTIVE, INACTIVE, ERROR
}
