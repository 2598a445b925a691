package dev.revcycle.claims.scrub;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The code formats the rules check, in one place (tested in CodeFormatsTest). */
final class CodeFormats {
    /** ICD-10-CM: a letter, a digit, a letter or digit, then (after an optional dot) 1–4 letters or digits. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    /** ICD-9-CM: 3 digits (250, 250.00), V + 2 digits (V70.0), E + 3 digits with a decimal (E880.9). */
    private static final Pattern ICD9 = Pattern.compile("[0-9]{3}(\\.?[0-9]{1,2})?|V[0-9]{2}(\\.[0-9]{1,2})?|E[0-9]{3}\\.[0-9]");
    /** CPT: 5 digits (99213) or 4 digits + F (category II) or T (category III). */
    private static final Pattern CPT = Pattern.compile("[0-9]{5}|[0-9]{4}[FT]");
    /** HCPCS Level II: a letter A–V + 4 digits (J1100, G0439). */
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    /** Type of bill: 3 digits (facility, classification, frequency), or 4 with a leading 0 as on the UB-04. */
    private static final Pattern TYPE_OF_BILL = Pattern.compile("0?[1-8][0-9][0-9A-Z]");
    private static final Pattern REVENUE_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");
    private static final Pattern NPI = Pattern.compile("[0-9]{10}");

    private CodeFormats() {
    }

    static boolean icd10(String code) {
        return code != null && ICD10.matcher(code).matches() && !icd9(code);
    }

    static boolean icd9(String code) {
        return code != null && ICD9.matcher(code).matches();
    }

    static boolean procedure(String code) {
        return code != null && (CPT.matcher(code).matches() || HCPCS.matcher(code).matches());
    }

    static boolean modifier(String code) {
        return code != null && MODIFIER.matcher(code).matches();
    }

    static boolean typeOfBill(String code) {
        return code != null && TYPE_OF_BILL.matcher(code).matches();
    }

    /** The type of bill's first two digits (facility type and bill classification), e.g. "11" for 0111. */
    static String billType(String typeOfBill) {
        String digits = typeOfBill.length() == 4 ? typeOfBill.substring(1) : typeOfBill;
        return digits.substring(0, 2);
    }

    static boolean revenueCode(String code) {
        return code != null && REVENUE_CODE.matcher(code).matches();
    }

    static boolean nineDigits(String value) {
        return value != null && NINE_DIGITS.matcher(value).matches();
    }

    /** An amount above zero with at most two decimals (what CLM02/SV102 carry). */
    static boolean chargeAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    /** The NPI check digit: Luhn over the 9 digits with the 80840 prefix (1234567893 valid). */
    static boolean npi(String npi) {
        if (npi == null || !NPI.matcher(npi).matches()) {
            return false;
        }
        String digits = "80840" + npi.substring(0, 9);
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
