package dev.revcycle.x12;

/** ISA15: whether the receiver should treat the interchange as test or production data. */
public enum UsageIndicator {
    TEST("T"),
    PRODUCTION("P"),
    /** {@code I}: information only; seen in the wild, never written by revcycle. */
    INFORMATION("I");

    private final String code;

    UsageIndicator(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The indicator for an ISA15 code, or null when the code is not one of T, P, I. */
    public static UsageIndicator fromCode(String code) {
        for (UsageIndicator usage : values()) {
            if (usage.code.equals(code)) {
                return usage;
            }
        }
        return null;
    }
}
