package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** X12 service type codes (EQ01) asked about in a 270: 30 is "health benefit plan coverage". */
public final class ServiceTypes {
    public static final List<String> DEFAULT = List.of("30");
    public static final int MAX = 99;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,2}");

    private ServiceTypes() {
    }

    /** Upper-cased, duplicates dropped; the default when none are given. */
    public static List<String> normalized(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return DEFAULT;
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String code : codes) {
            unique.add(code == null ? null : code.trim().toUpperCase(Locale.ROOT));
        }
        return new ArrayList<>(unique);
    }

    /** Every rule the normalised codes break, under {@code field}. */
    public static List<FieldError> violations(String field, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        if (codes.size() > MAX) {
            errors.add(new FieldError(field, "must hold at most " + MAX + " codes"));
        }
        for (String code : codes) {
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new FieldError(field, "must be X12 service type codes of one or two letters or digits, e.g. 30"));
                break;
            }
        }
        return errors;
    }
}
