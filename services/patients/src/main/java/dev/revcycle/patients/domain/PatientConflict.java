package dev.revcycle.patients.domain;

/** A request the patient's current state does not allow (answered 409). */
public class PatientConflict extends RuntimeException {
    public PatientConflict(String message) {
        super(message, null, false, false);
    }
}
