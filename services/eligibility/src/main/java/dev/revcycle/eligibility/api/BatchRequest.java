package dev.revcycle.eligibility.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityBatchRequest", description = "A day's appointment list")
public record BatchRequest(
        @NotNull(message = "is required") @Schema(examples = "2026-03-06", required = true) LocalDate serviceDate,
        @NotEmpty(message = "must list at least one patient")
        @Size(max = 200, message = "must list at most 200 patients")
        @Schema(description = "1 to 200 patient ids", required = true, maxItems = 200)
        List<@NotNull(message = "must not be null") UUID> patientIds,
        @Schema(description = "X12 service type codes (EQ01); 30 when left out", examples = "[\"30\"]")
        List<String> serviceTypeCodes) {
}
