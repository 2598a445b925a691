package dev.revcycle.collections.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A patient as collections knows them: the demographics statements need and the states that stop them. */
public record KnownPatient(PatientFacts facts, boolean deceased, LocalDate dateOfDeath, UUID mergedInto) {
    public UUID id() {
        return facts.patientId();
    }

    public boolean addressUndeliverable() {
        return facts.addressUndeliverable();
    }

    @Override
    public String toString() {
        return "KnownPatient[" + facts.patientId() + "]";
    }
}
