package dev.revcycle.eligibility.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Termination")
public record TerminationRequest(
        @Schema(description = "The last covered day; not before the effective date", examples = "2026-06-30", required = true)
        LocalDate terminationDate) {
}
