package dev.revcycle.patients.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The person financially responsible for the patient's account. */
@Embeddable
public record Guarantor(String firstName, String lastName, @Enumerated(EnumType.STRING) GuarantorRelationship relationship,
                        @Embedded PostalAddress address, String phone) {

    public Guarantor normalized() {
        return new Guarantor(Text.clean(firstName), Text.clean(lastName), relationship,
                address == null ? null : address.normalized(), Text.digits(phone));
    }
}
