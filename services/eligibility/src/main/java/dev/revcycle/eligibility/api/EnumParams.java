package dev.revcycle.eligibility.api;

import dev.revcycle.common.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/**
 * An enum query parameter read by hand, so that a bad value is a 400 naming it rather than the bare
 * 404 JAX-RS would answer. (A candidate for revcycle-common's {@code Params}.)
 */
final class EnumParams {
    private EnumParams() {
    }

    static <E extends Enum<E>> E of(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
