package dev.revcycle.eligibility.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityCheckRequest")
public record CheckRequest(
        @Schema(required = true) UUID coverageId,
        @Schema(examples = "2026-03-05", required = true) LocalDate serviceDate,
        @Schema(description = "X12 service type codes (EQ01); 30 (health benefit plan coverage) when left out", examples = "[\"30\"]")
        List<String> serviceTypeCodes) {
}
