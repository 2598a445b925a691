package dev.revcycle.contracts.eligibility;

import java.time.LocalDate;

/** The insured person when it is not the patient (subscriberRelationship other than SELF). */
public record Subscriber(String firstName, String lastName, LocalDate dateOfBirth) {
    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "Subscriber[PHI]";
    }
}
