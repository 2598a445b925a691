package dev.revcycle.claims.domain;

/** Professional claims go out as 837P (005010X222A1), institutional ones as 837I (005010X223A2). */
public enum ClaimType {
    PROFESSIONAL("005010X222A1"),
    INSTITUTIONAL("005010X223A2");

    private final String implementationGuide;

    ClaimType(String implementationGuide) {
        this.implementationGuide = implementationGuide;
    }

    /** ST03 / GS08 of the 837 that carries claims of this type. */
    public String implementationGuide() {
        return implementationGuide;
    }
}
