package dev.revcycle.patients.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeathNotice")
public record DeathRequest(@Schema(examples = "2026-10-02", required = true) LocalDate dateOfDeath) {
}
