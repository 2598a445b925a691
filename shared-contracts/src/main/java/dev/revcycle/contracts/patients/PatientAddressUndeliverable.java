package dev.revcycle.contracts.patients;

import java.time.LocalDate;
import java.util.UUID;

/** Mail to the patient's address came back; collections stops statements until it is corrected. */
public record PatientAddressUndeliverable(UUID patientId, String practiceId, LocalDate reportedOn, long version) {
}
