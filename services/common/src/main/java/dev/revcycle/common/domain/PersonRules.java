package dev.revcycle.common.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules about a person's name and date of birth, the same wherever a person is entered (a
 * patient, a guarantor, an insurance subscriber). Messages never quote the value.
 */
public final class PersonRules {
    /** Nobody registered or insured today was born before this. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** Letters (any script), spaces, apostrophes, periods, hyphens: never an X12 delimiter. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .'-]{0,59}");

    private PersonRules() {
    }

    /** Adds to {@code errors} what is wrong with a required name, if anything. */
    public static void name(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!NAME.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to 60 letters, spaces, apostrophes, periods or hyphens"));
        }
    }

    /** Adds to {@code errors} what is wrong with a required date of birth, if anything. */
    public static void dateOfBirth(List<FieldError> errors, String field, LocalDate value, LocalDate today) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        } else if (value.isBefore(EARLIEST_BIRTH)) {
            errors.add(new FieldError(field, "must be on or after 1900-01-01"));
        }
    }
}
