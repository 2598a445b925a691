package dev.revcycle.contracts.patients;

import java.util.UUID;

/**
 * The duplicate record is retired; everything that pointed to it now belongs to the survivor. Key:
 * survivorId. A merge changes both records: {@code version} is the survivor's version after it,
 * {@code duplicateVersion} the duplicate's (the duplicate has no event of its own for the merge).
 */
public record PatientMerged(UUID survivorId, UUID duplicateId, String practiceId, long version, long duplicateVersion) {
}
