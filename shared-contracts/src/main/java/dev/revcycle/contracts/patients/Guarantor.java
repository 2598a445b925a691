package dev.revcycle.contracts.patients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The person financially responsible for the account; statements are addressed to them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guarantor(String firstName, String lastName, String relationship, Address address, String phone) {
    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "Guarantor[PHI]";
    }
}
