package dev.revcycle.patients.domain;

import jakarta.persistence.Embeddable;

/** A US postal address: state is a USPS code, postal code 5 or 9 digits (stored without a dash). */
@Embeddable
public record PostalAddress(String line1, String line2, String city, String state, String postalCode) {

    public PostalAddress normalized() {
        return new PostalAddress(Text.clean(line1), Text.clean(line2), Text.clean(city),
                state == null ? null : state.trim().toUpperCase(java.util.Locale.ROOT),
                postalCode == null ? null : postalCode.replace("-", "").trim());
    }
}
