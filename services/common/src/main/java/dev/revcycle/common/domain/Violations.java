package dev.revcycle.common.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A request that breaks rules about its fields: every offending field at once, so the client can
 * correct them all in one go. Domain types list them with a {@code violations()} method returning
 * {@code List<FieldError>}; {@link #check} refuses when the list is not empty.
 */
public final class Violations extends DomainException {
    private final List<FieldError> errors;

    public Violations(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static Violations of(String field, String message) {
        return new Violations(List.of(new FieldError(field, message)));
    }

    /** Throws when {@code errors} is not empty. */
    public static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Violations(errors);
        }
    }

    /**
     * {@code value} when it keeps its rules, e.g. {@code Violations.checked(input.normalized(), d -> d.violations(today))}.
     *
     * @throws Violations naming every rule it breaks
     */
    public static <T> T checked(T value, Function<? super T, List<FieldError>> rules) {
        check(rules.apply(value));
        return value;
    }

    /** Throws "is required" for {@code field} when {@code value} is null; else returns it. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw of(field, "is required");
        }
        return value;
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a violation names at least one field");
        }
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
    }
}
