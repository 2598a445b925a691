package dev.revcycle.x12;

import java.text.Normalizer;
import java.util.Map;

/**
 * The characters an X12 5010 element may hold: the basic character set (upper-case letters, digits, space
 * and {@code ! " & ' ( ) * + , - . / : ; ? =}) and the extended one that the HIPAA guides (appendix B) let
 * trading partners assume (lower-case letters and {@code % @ [ ] _ { } \ | < > ~ ^ # $}), less the four
 * delimiters revcycle writes with ({@link Delimiters#STANDARD}: {@code ~ * : ^}), which can never occur in
 * a value. Accented letters, other scripts, emoji and control characters are not in it.
 *
 * <p>Two uses: what an administrator configures and revcycle sends (payer names and ids, provider names
 * and addresses) is {@linkplain #isValid checked} when it is entered, so a bad value is a 400 then and not
 * a failed interchange on every later use; what patients give is kept as given ({@code José Müller}) and
 * {@linkplain #transliterate transliterated} by {@link X12Writer} as it writes ({@code Jose Muller}).
 */
public final class X12CharacterSet {

    /** For messages: what may be typed. */
    public static final String DESCRIPTION = "letters A-Z and a-z without accents, digits, spaces and "
            + "! \" & ' ( ) + , - . / ; ? = % @ [ ] _ { } \\ | < > # $";

    private static final String PUNCTUATION = "!\"&'()*+,-./:;?=%@[]_{}\\|<>~^#$";

    /** Letters that do not decompose into a base letter and marks, and typographic look-alikes. */
    private static final Map<Integer, String> SUBSTITUTES = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'ẞ', "SS"),
            Map.entry((int) 'Æ', "AE"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'Œ', "OE"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'Ø', "O"), Map.entry((int) 'ø', "o"),
            Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Þ', "TH"), Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) '‘', "'"), Map.entry((int) '’', "'"), Map.entry((int) 'ʼ', "'"),
            Map.entry((int) '“', "\""), Map.entry((int) '”', "\""),
            Map.entry((int) '–', "-"), Map.entry((int) '—', "-"), Map.entry((int) '‐', "-"),
            Map.entry((int) '…', "..."));

    private X12CharacterSet() {
    }

    /** True when the character may be written in an element with the given delimiters. */
    public static boolean isAllowed(char c, Delimiters delimiters) {
        boolean inSet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' '
                || PUNCTUATION.indexOf(c) >= 0;
        return inSet && !delimiters.occursIn(String.valueOf(c));
    }

    /** True when every character is in the set and none is one of revcycle's delimiters; null is not valid. */
    public static boolean isValid(String text) {
        return isValid(text, Delimiters.STANDARD);
    }

    public static boolean isValid(String text, Delimiters delimiters) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAllowed(text.charAt(i), delimiters)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #transliterate(String, Delimiters)} for revcycle's delimiters. */
    public static String transliterate(String text) {
        return transliterate(text, Delimiters.STANDARD);
    }

    /**
     * The closest text within the set, keeping the case: diacritics dropped ({@code José Müller} →
     * {@code Jose Muller}), letters such as ß, Æ, Ø spelt out (ss, AE, O; ß is SS in an upper-case word),
     * typographic quotes and dashes made plain, compatibility forms folded (full-width letters, ligatures);
     * anything else (other scripts, emoji, controls, a delimiter) becomes a space, and runs of spaces are
     * folded and the ends trimmed. A text already valid is returned as it is.
     */
    public static String transliterate(String text, Delimiters delimiters) {
        if (text == null || isValid(text, delimiters)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String substitute = SUBSTITUTES.get(cp);
            if (substitute != null) {
                out.append(cp == 'ß' && upperCaseBefore(out) ? "SS" : substitute);
                return;
            }
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            boolean kept = false;
            for (int i = 0; i < decomposed.length(); i++) {
                char c = decomposed.charAt(i);
                if (isCombiningMark(c)) {
                    continue; // the accent of a decomposed letter
                }
                if (isAllowed(c, delimiters)) {
                    out.append(c);
                    kept = true;
                }
            }
            if (!kept && !isCombiningMark(cp)) {
                out.append(' ');
            }
        });
        return out.toString().replaceAll(" {2,}", " ").trim();
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** ß in {@code STRAßE} is SS: the letter written before it is upper case. */
    private static boolean upperCaseBefore(StringBuilder written) {
        for (int i = written.length() - 1; i >= 0; i--) {
            char c = written.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c);
            }
        }
        return false;
    }
}
