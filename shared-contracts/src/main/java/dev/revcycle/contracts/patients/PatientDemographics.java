package dev.revcycle.contracts.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What other services need of a patient: claims (for an 837), eligibility (for a 270) and
 * collections (for statements). Never the SSN.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientDemographics(
        String mrn,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String sex,
        Address address,
        boolean addressUndeliverable,
        String phone,
        String email,
        Guarantor guarantor) {
    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "PatientDemographics[PHI]";
    }
}
