package dev.revcycle.contracts.patients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A US postal address as it travels in events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String line1, String line2, String city, String state, String postalCode) {
    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "Address[PHI]";
    }
}
