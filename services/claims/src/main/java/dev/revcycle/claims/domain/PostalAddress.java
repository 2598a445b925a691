package dev.revcycle.claims.domain;

/** A street address (N3/N4). {@code postalCode} is 5 or 9 digits (ZIP+4 without the dash). PHI for a patient. */
public record PostalAddress(String line1, String line2, String city, String state, String postalCode) {
    @Override
    public String toString() {
        return "PostalAddress[PHI]";
    }
}
