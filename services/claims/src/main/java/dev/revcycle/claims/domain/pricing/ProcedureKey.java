package dev.revcycle.claims.domain.pricing;

import java.util.Locale;

/**
 * A procedure code (CPT/HCPCS, as keyed) and one modifier, the key of a charge-master item and of a contracted
 * rate; {@code modifier} is "" when there is none.
 */
public record ProcedureKey(String procedureCode, String modifier) {
    public ProcedureKey {
        procedureCode = normal(procedureCode);
        modifier = modifier == null ? "" : normal(modifier);
        if (modifier == null) {
            modifier = "";
        }
    }

    static String normal(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** Problems with the key's fields: [field, message] pairs. */
    static void check(java.util.List<String[]> out, String procedureCode, String modifier) {
        if (procedureCode == null) {
            out.add(new String[] {"procedureCode", "is required"});
        } else if (!procedureCode.matches("[A-Z0-9]{4,10}")) {
            out.add(new String[] {"procedureCode", "must be 4 to 10 letters or digits (a CPT or HCPCS code)"});
        }
        if (!modifier.isEmpty() && !modifier.matches("[A-Z0-9]{2}")) {
            out.add(new String[] {"modifier", "must be 2 letters or digits"});
        }
    }
}
