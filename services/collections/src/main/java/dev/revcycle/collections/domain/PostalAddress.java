package dev.revcycle.collections.domain;

/** A US postal address (PHI: {@link #toString()} prints none of it). */
public record PostalAddress(String line1, String line2, String city, String state, String postalCode) {
    @Override
    public String toString() {
        return "PostalAddress[PHI]";
    }
}
