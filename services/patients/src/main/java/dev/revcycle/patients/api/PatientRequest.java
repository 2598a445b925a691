package dev.revcycle.patients.api;

import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.Sex;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatientRegistration", description = "A patient to register")
public record PatientRequest(
        @Schema(description = "Practice code (letters, digits, dashes); one of the token's practices", examples = "north-clinic", required = true)
        String practiceId,
        @Schema(examples = "Ana", required = true) String firstName,
        @Schema(examples = "Lopez", required = true) String lastName,
        @Schema(examples = "1984-03-09", required = true) LocalDate dateOfBirth,
        @Schema(description = "F, M or U (unknown)", required = true) Sex sex,
        @Schema(description = "9 digits, dashes allowed; stored encrypted, returned only masked", examples = "123-45-6789")
        String ssn,
        @Schema(required = true) AddressBody address,
        @Schema(description = "10-digit US phone number", examples = "2175550199") String phone,
        @Schema(examples = "ana.lopez@example.com") String email,
        GuarantorBody guarantor) {

    Demographics toDemographics() {
        return new Demographics(firstName, lastName, dateOfBirth, sex, ssn,
                address == null ? null : address.toDomain(), phone, email,
                guarantor == null ? null : guarantor.toDomain());
    }

    /** The current values in request form, for a merge patch to apply to (never the SSN). */
    static PatientRequest of(Demographics d) {
        return new PatientRequest(null, d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), null,
                AddressBody.of(d.address()), d.phone(), d.email(), GuarantorBody.of(d.guarantor()));
    }

    /** PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "PatientRequest[PHI]";
    }
}
