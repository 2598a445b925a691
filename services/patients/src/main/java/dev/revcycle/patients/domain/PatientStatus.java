package dev.revcycle.patients.domain;

/** ACTIVE, or MERGED: retired into a survivor record ({@code mergedInto}). */
public enum PatientStatus {
    ACTIVE, MERGED
}
