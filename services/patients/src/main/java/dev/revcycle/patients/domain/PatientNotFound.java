package dev.revcycle.patients.domain;

/** No such patient, or one the caller may not see (answered 404 either way). */
public class PatientNotFound extends RuntimeException {
    public PatientNotFound() {
        super("Patient not found", null, false, false);
    }
}
