package dev.revcycle.patients.domain;

/** Medical record numbers: "M" and nine digits, from a database sequence. */
public final class Mrn {
    private Mrn() {
    }

    public static String of(long sequenceValue) {
        if (sequenceValue <= 0 || sequenceValue > 999_999_999L) {
            throw new IllegalArgumentException("MRN sequence out of range");
        }
        return String.format("M%09d", sequenceValue);
    }
}
