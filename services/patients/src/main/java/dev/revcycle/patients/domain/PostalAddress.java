package dev.revcycle.patients.domain;

import dev.revcycle.common.domain.TypedText;
import jakarta.persistence.Embeddable;

/** A US postal address: state is a USPS code, postal code 5 or 9 digits (stored without a dash). */
@Embeddable
public record PostalAddress(String line1, String line2, String city, String state, String postalCode) {

    public PostalAddress normalized() {
        return new PostalAddress(TypedText.clean(line1), TypedText.clean(line2), TypedText.clean(city),
                state == null ? null : state.trim().toUpperCase(java.util.Locale.ROOT),
                postalCode == null ? null : postalCode.replace("-", "").trim());
    }

    /** PHI: never printed. */
    @Override
    public String toString() {
        return "PostalAddress[PHI]";
    }
}
