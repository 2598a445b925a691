package dev.revcycle.patients.domain;

import java.util.Set;

/** USPS state codes: the 50 states, DC, the territories, and military post offices. */
public final class UsStates {
    private static final Set<String> CODES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP");

    private UsStates() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
