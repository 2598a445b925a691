package dev.revcycle.eligibility.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityBatchRequest", description = "A day's appointment list")
public record BatchRequest(
        @Schema(examples = "2026-03-06", required = true) LocalDate serviceDate,
        @Schema(description = "1 to 200 patient ids", required = true, minItems = 1, maxItems = 200)
        List<UUID> patientIds,
        @Schema(description = "X12 service type codes (EQ01); 30 when left out", examples = "[\"30\"]")
        List<String> serviceTypeCodes) {
}
