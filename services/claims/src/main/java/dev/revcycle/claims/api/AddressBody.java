package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.PostalAddress;

/** A street address; postalCode is a 5-digit ZIP or a ZIP+4 (with or without the dash). */
public record AddressBody(String line1, String line2, String city, String state, String postalCode) {
    PostalAddress toAddress() {
        return new PostalAddress(line1, line2, city, state, postalCode);
    }

    static AddressBody of(PostalAddress a) {
        return a == null ? null : new AddressBody(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }

    @Override
    public String toString() {
        return "AddressBody[PHI]";
    }
}
