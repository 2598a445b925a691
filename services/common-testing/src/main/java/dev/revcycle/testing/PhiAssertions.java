package dev.revcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Checks that a value holding PHI prints none of it (a toString reaches logs and exception messages). */
public final class PhiAssertions {
    private PhiAssertions() {
    }

    /** Fails when {@code value}'s toString is blank or contains any of {@code phi}, in any case. */
    public static void assertPrintsNone(Object value, List<String> phi) {
        String printed = value.toString();
        assertThat(printed).as(value.getClass().getName()).isNotBlank();
        for (String text : phi) {
            assertThat(printed).as(value.getClass().getName()).doesNotContainIgnoringCase(text);
        }
    }
}
