package dev.revcycle.common.api;

import dev.revcycle.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads query parameters and headers that JAX-RS would otherwise turn into a bare 404 when they
 * are malformed: every service answers a 400 problem naming the parameter instead.
 */
public final class Params {
    private Params() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a real date in the form YYYY-MM-DD");
        }
    }

    /** A whole number (e.g. {@code 20}; not {@code 2.5}, {@code 1e3} or {@code abc}); null when not given. */
    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.trim();
        if (!digits.matches("-?[0-9]{1,10}")) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        long number = Long.parseLong(digits);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw ProblemException.invalid(name, "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return (int) number;
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return id;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"}); null for none or {@code *}. */
    public static Long ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the version you read, e.g. \"3\"");
        }
    }
}
