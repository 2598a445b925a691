package dev.revcycle.patients.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeathNotice")
public record DeathRequest(@NotNull(message = "is required") @Schema(examples = "2026-10-02", required = true) LocalDate dateOfDeath) {
}
