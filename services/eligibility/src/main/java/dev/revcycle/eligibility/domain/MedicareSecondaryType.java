package dev.revcycle.eligibility.domain;

/**
 * Why Medicare pays second (the Medicare Secondary Payer type): the 837P's SBR05 when Medicare is billed as a
 * secondary or tertiary payer (X12 insurance type codes). Set on the Medicare coverage from what the patient's MSP
 * questionnaire or Medicare's 271 says; without it claims derives the type from the earlier payers' kinds.
 */
public enum MedicareSecondaryType {
    /** Working aged beneficiary or spouse with an employer group health plan. */
    WORKING_AGED("12"),
    /** End-stage renal disease, in the coordination period with an employer group health plan. */
    END_STAGE_RENAL_DISEASE("13"),
    /** No-fault insurance, auto included, is primary. */
    NO_FAULT("14"),
    WORKERS_COMPENSATION("15"),
    /** Public Health Service or another federal agency. */
    FEDERAL_AGENCY("16"),
    BLACK_LUNG("41"),
    VETERANS_AFFAIRS("42"),
    /** Disabled beneficiary under 65 with a large group health plan. */
    DISABLED_LARGE_GROUP("43"),
    /** Other liability insurance is primary. */
    OTHER_LIABILITY("47");

    private final String x12Code;

    MedicareSecondaryType(String x12Code) {
        this.x12Code = x12Code;
    }

    /** SBR05 of the 837P. */
    public String x12Code() {
        return x12Code;
    }
}
