package dev.revcycle.contracts.patients;

import java.time.LocalDate;
import java.util.UUID;

public record PatientDeceased(UUID patientId, String practiceId, LocalDate dateOfDeath, long version) {
}
