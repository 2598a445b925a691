package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.domain.Subscriber;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Subscriber", description = "The insured person named on the card, when it is not the patient")
public record SubscriberBody(
        @Schema(examples = "Maria", required = true) String firstName,
        @Schema(examples = "Lopez", required = true) String lastName,
        @Schema(examples = "1982-07-14", required = true) LocalDate dateOfBirth) {

    Subscriber toDomain() {
        return new Subscriber(firstName, lastName, dateOfBirth);
    }

    static SubscriberBody of(Subscriber s) {
        return s == null ? null : new SubscriberBody(s.firstName(), s.lastName(), s.dateOfBirth());
    }

    @Override
    public String toString() {
        return "SubscriberBody[PHI]";
    }
}
