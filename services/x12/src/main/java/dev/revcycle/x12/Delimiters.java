package dev.revcycle.x12;

/**
 * The four X12 separators. X12 has no release (escape) character, so a value can never contain one of them.
 */
public record Delimiters(char segment, char element, char component, char repetition) {

    /** The separators revcycle writes: {@code ~ * : ^}. */
    public static final Delimiters STANDARD = new Delimiters('~', '*', ':', '^');

    public Delimiters {
        if (segment == element || segment == component || segment == repetition
                || element == component || element == repetition || component == repetition) {
            throw new IllegalArgumentException("X12 delimiters must be four distinct characters");
        }
    }

    /** True when the text contains any of the four separators, which would corrupt the interchange. */
    public boolean occursIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == segment || c == element || c == component || c == repetition) {
                return true;
            }
        }
        return false;
    }
}
