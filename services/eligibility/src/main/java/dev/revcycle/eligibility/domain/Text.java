package dev.revcycle.eligibility.domain;

import java.util.regex.Pattern;

/** Shapes of what staff type, shared by the domain's checks (clean-ups and person names are common's {@code TypedText} and {@code PersonRules}). */
final class Text {
    /** Identifiers as payers print them on cards: letters, digits and dashes. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,79}");
    /** Free text that travels in X12: no delimiter characters (* ~ : ^ |) and no control characters. */
    static final Pattern X12_TEXT = Pattern.compile("[^*~:^|\\p{Cntrl}]{1,60}");

    private Text() {
    }
}
