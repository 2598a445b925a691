package dev.revcycle.contracts;

/** CloudEvent {@code type} values, in the past tense; each has a JSON Schema under {@code schemas/}. */
public final class EventTypes {
    // patients
    public static final String PATIENT_REGISTERED = "PatientRegistered";
    public static final String PATIENT_UPDATED = "PatientUpdated";
    public static final String PATIENT_ADDRESS_UNDELIVERABLE = "PatientAddressUndeliverable";
    public static final String PATIENT_ADDRESS_CORRECTED = "PatientAddressCorrected";
    public static final String PATIENT_MERGED = "PatientMerged";
    public static final String PATIENT_DECEASED = "PatientDeceased";

    // eligibility
    public static final String COVERAGE_ADDED = "CoverageAdded";
    public static final String COVERAGE_CHANGED = "CoverageChanged";
    public static final String COVERAGE_TERMINATED = "CoverageTerminated";
    public static final String ELIGIBILITY_VERIFIED = "EligibilityVerified";

    private EventTypes() {
    }
}
