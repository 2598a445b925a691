package dev.revcycle.patients.domain;

/** Small text clean-ups applied to what front-desk staff type. */
final class Text {
    private Text() {
    }

    /** Trimmed, inner runs of spaces folded; blank becomes null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.trim().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Only the digits of a phone number or SSN as typed ("(555) 010-1234" → "5550101234"). */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\s().-]", "");
        return cleaned.isEmpty() ? null : cleaned;
    }
}
