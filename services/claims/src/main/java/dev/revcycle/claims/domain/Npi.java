package dev.revcycle.claims.domain;

/**
 * The National Provider Identifier: 10 digits whose last is a Luhn check digit computed over the
 * card-issuer prefix 80840 and the first nine (1234567893 is valid, 1234567890 is not).
 */
public final class Npi {
    private Npi() {
    }

    public static boolean valid(String npi) {
        if (npi == null || !npi.matches("[0-9]{10}")) {
            return false;
        }
        String digits = "80840" + npi;
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
