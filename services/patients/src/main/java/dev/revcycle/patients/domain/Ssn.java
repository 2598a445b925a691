package dev.revcycle.patients.domain;

import java.util.regex.Pattern;

/** US Social Security number rules. The number itself is only ever held encrypted or masked. */
public final class Ssn {
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    private Ssn() {
    }

    /**
     * Nine digits; the area (first three) is not 000, 666 or 900-999; the group (next two) is not
     * 00 and the serial (last four) not 0000 — none of those were ever issued.
     */
    public static boolean isValid(String digits) {
        if (digits == null || !NINE_DIGITS.matcher(digits).matches()) {
            return false;
        }
        String area = digits.substring(0, 3);
        return !area.equals("000") && !area.equals("666") && digits.charAt(0) != '9'
                && !digits.substring(3, 5).equals("00") && !digits.substring(5).equals("0000");
    }

    public static String lastFour(String digits) {
        return digits.substring(5);
    }

    public static String masked(String lastFour) {
        return lastFour == null ? null : "***-**-" + lastFour;
    }
}
