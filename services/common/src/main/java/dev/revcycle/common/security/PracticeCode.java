package dev.revcycle.common.security;

import dev.revcycle.common.domain.Violations;

/** A practice code in a request (letters, digits and dashes, e.g. {@code north-clinic}), checked one way. */
public final class PracticeCode {
    private PracticeCode() {
    }

    /**
     * @return the code
     * @throws Violations naming {@code field} when it is missing or not a practice code
     */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Violations.of(field, "is required");
        }
        if (!CurrentCaller.PRACTICE_CODE.matcher(value).matches()) {
            throw Violations.of(field, "must be a practice code (lower-case letters, digits and dashes)");
        }
        return value;
    }
}
