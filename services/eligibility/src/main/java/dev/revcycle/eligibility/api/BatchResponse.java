package dev.revcycle.eligibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityBatchResult", description = "One result per patient, in the order asked")
public record BatchResponse(LocalDate serviceDate, List<PatientResult> results) {

    @Schema(name = "EligibilityBatchPatientResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientResult(
            UUID patientId,
            @Schema(description = "One check per active coverage, primary first") List<CheckResponse> checks,
            @Schema(description = "Why the patient or one of its coverages could not be checked",
                    examples = "no active coverage") String error) {
    }
}
