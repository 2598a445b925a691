package dev.revcycle.eligibility.domain;

/** Who pays: government programmes, commercial and managed-care plans, the patient, anyone else. */
public enum PayerType {
    MEDICARE, MEDICAID, COMMERCIAL, MANAGED_CARE, SELF_PAY, OTHER
}
