package dev.revcycle.eligibility.domain;

/** The order in which a patient's coverages are billed. */
public enum Priority {
    PRIMARY, SECONDARY, TERTIARY
}
