package dev.revcycle.patients.domain;

/** Administrative sex as X12 carries it (DMG03): female, male, unknown. */
public enum Sex {
    F, M, U
}
