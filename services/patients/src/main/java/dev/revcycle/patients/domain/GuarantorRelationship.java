package dev.revcycle.patients.domain;

/** How the guarantor is related to the patient. */
public enum GuarantorRelationship {
    SELF, SPOUSE, PARENT, CHILD, LEGAL_GUARDIAN, OTHER
}
