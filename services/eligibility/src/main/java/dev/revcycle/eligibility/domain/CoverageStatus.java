package dev.revcycle.eligibility.domain;

/** ACTIVE until someone terminates it; a terminated coverage is kept, read-only. */
public enum CoverageStatus {
    ACTIVE, TERMINATED
}
