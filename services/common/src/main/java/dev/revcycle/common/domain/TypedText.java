package dev.revcycle.common.domain;

/** Small clean-ups of what staff type, the same in every service. */
public final class TypedText {
    private TypedText() {
    }

    /** Trimmed, inner runs of white space folded to one space; blank becomes null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.trim().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Only the digits of a phone number or SSN as typed ("(555) 010-1234" → "5550101234"); blank becomes null. */
    public static String digits(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\s().-]", "");
        return cleaned.isEmpty() ? null : cleaned;
    }
}
