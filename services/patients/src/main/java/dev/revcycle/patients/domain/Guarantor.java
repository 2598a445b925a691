package dev.revcycle.patients.domain;

import dev.revcycle.common.domain.TypedText;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The person financially responsible for the patient's account. */
@Embeddable
public record Guarantor(String firstName, String lastName, @Enumerated(EnumType.STRING) GuarantorRelationship relationship,
                        @Embedded PostalAddress address, String phone) {

    public Guarantor normalized() {
        return new Guarantor(TypedText.clean(firstName), TypedText.clean(lastName), relationship,
                address == null ? null : address.normalized(), TypedText.digits(phone));
    }

    /** PHI: never printed. */
    @Override
    public String toString() {
        return "Guarantor[PHI]";
    }
}
