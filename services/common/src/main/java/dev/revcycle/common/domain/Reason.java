package dev.revcycle.common.domain;

import java.util.regex.Pattern;

/**
 * Why a {@link Conflict} or {@link Unprocessable} refusal was made: a stable code a client may branch
 * on (lower-case words and dashes, e.g. {@code duplicate-patient}) and the one sentence that names it.
 * Declare each as a constant next to the rule that raises it.
 */
public record Reason(String code, String title) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public Reason {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a reason code is lower-case letters, digits and dashes");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a reason needs a title");
        }
    }
}
