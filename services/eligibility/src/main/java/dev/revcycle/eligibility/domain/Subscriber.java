package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.TypedText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The insured person, when it is not the patient. PHI: never logged, never in a problem. */
@Embeddable
public record Subscriber(
        @Column(name = "subscriber_first_name") String firstName,
        @Column(name = "subscriber_last_name") String lastName,
        @Column(name = "subscriber_date_of_birth") LocalDate dateOfBirth) {

    Subscriber normalized() {
        return new Subscriber(TypedText.clean(firstName), TypedText.clean(lastName), dateOfBirth);
    }

    @Override
    public String toString() {
        return "Subscriber[PHI]";
    }
}
