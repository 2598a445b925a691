package dev.revcycle.patients.app;

import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.domain.PatientStatus;
import dev.revcycle.patients.domain.Ssn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient as the use cases hand it out: the SSN only masked, never the entity itself. */
public record PatientView(UUID id, String practiceId, String mrn, Demographics demographics, String maskedSsn,
                          LocalDate addressUndeliverableOn, LocalDate dateOfDeath, PatientStatus status,
                          UUID mergedInto, long version, Instant createdAt, Instant updatedAt) {

    static PatientView of(Patient p) {
        return new PatientView(p.id(), p.practiceId(), p.mrn(), p.demographics(), Ssn.masked(p.ssnLast4()),
                p.addressUndeliverableOn(), p.dateOfDeath(), p.status(), p.mergedInto(), p.version(),
                p.createdAt(), p.updatedAt());
    }

    /** PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "PatientView[" + id + "]";
    }
}
