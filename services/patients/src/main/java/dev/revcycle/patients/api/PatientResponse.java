package dev.revcycle.patients.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.revcycle.patients.app.PatientView;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.PatientStatus;
import dev.revcycle.patients.domain.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Patient")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientResponse(
        UUID id,
        String practiceId,
        @Schema(description = "Medical record number", examples = "M100000001") String mrn,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        Sex sex,
        @Schema(description = "Masked; the full number is never returned", examples = "***-**-6789") String ssn,
        AddressBody address,
        @Schema(description = "Mail to this address came back; statements stop until it is corrected") boolean addressUndeliverable,
        LocalDate addressUndeliverableOn,
        String phone,
        String email,
        GuarantorBody guarantor,
        LocalDate dateOfDeath,
        PatientStatus status,
        @Schema(description = "For a MERGED record: the surviving patient") UUID mergedInto,
        @Schema(description = "Changes with every update; send it back in If-Match to avoid overwriting someone else's change")
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static PatientResponse of(PatientView v) {
        Demographics d = v.demographics();
        return new PatientResponse(v.id(), v.practiceId(), v.mrn(), d.firstName(), d.lastName(), d.dateOfBirth(),
                d.sex(), v.maskedSsn(), AddressBody.of(d.address()), v.addressUndeliverableOn() != null,
                v.addressUndeliverableOn(), d.phone(), d.email(), GuarantorBody.of(d.guarantor()), v.dateOfDeath(),
                v.status(), v.mergedInto(), v.version(), v.createdAt(), v.updatedAt());
    }

    /** PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "PatientResponse[" + id + "]";
    }
}
