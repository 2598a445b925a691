package dev.revcycle.contracts.patients;

import java.util.UUID;

public record PatientRegistered(UUID patientId, String practiceId, PatientDemographics demographics, long version) {
}
