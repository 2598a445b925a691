package dev.revcycle.contracts.patients;

import java.util.List;
import java.util.UUID;

/** The whole demographic state after a change, and the names of the fields that changed. */
public record PatientUpdated(UUID patientId, String practiceId, List<String> changedFields,
                             PatientDemographics demographics, long version) {
}
