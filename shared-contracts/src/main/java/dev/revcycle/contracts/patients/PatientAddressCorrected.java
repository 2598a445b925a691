package dev.revcycle.contracts.patients;

import java.util.UUID;

/** A new address replaced one that was undeliverable. */
public record PatientAddressCorrected(UUID patientId, String practiceId, Address address, long version) {
}
