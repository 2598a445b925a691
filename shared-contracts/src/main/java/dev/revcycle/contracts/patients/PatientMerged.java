package dev.revcycle.contracts.patients;

import java.util.UUID;

/** The duplicate record is retired; everything that pointed to it now belongs to the survivor. */
public record PatientMerged(UUID survivorId, UUID duplicateId, String practiceId) {
}
