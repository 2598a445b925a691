package dev.revcycle.eligibility.x12;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an eligibility check asks: is this subscriber covered by this payer on this date, for these services.
 *
 * @param traceNumber     our reference for the check (TRN02 and BHT03); the 271 returns it in TRN*2
 * @param payerName       information source name (NM103 of NM1*PR)
 * @param payerId         payer id (NM109 of NM1*PR, qualifier PI)
 * @param provider        the provider asking (loop 2100B, NM1*1P): the practice's default billing provider, or
 *                        the configured one
 * @param subscriberLastName  NM103 of NM1*IL
 * @param subscriberFirstName NM104 of NM1*IL
 * @param memberId        the subscriber's member id (NM109 of NM1*IL, qualifier MI)
 * @param dateOfBirth     DMG02
 * @param serviceDate     DTP*291
 * @param serviceTypeCodes EQ01 codes, e.g. 30 (health benefit plan coverage), 98 (office visit); at least one
 */
public record EligibilityRequest(String traceNumber, String payerName, String payerId,
        InformationReceiver provider, String subscriberLastName, String subscriberFirstName, String memberId,
        LocalDate dateOfBirth, LocalDate serviceDate, List<String> serviceTypeCodes) {

    public EligibilityRequest {
        require(traceNumber, "traceNumber", 50);
        require(payerName, "payerName", 60);
        require(payerId, "payerId", 80);
        Objects.requireNonNull(provider, "provider");
        require(subscriberLastName, "subscriberLastName", 60);
        require(subscriberFirstName, "subscriberFirstName", 35);
        require(memberId, "memberId", 80);
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(serviceDate, "serviceDate");
        serviceTypeCodes = List.copyOf(serviceTypeCodes);
        if (serviceTypeCodes.isEmpty() || serviceTypeCodes.size() > 99) {
            throw new IllegalArgumentException("serviceTypeCodes must hold 1 to 99 codes");
        }
        for (String code : serviceTypeCodes) {
            if (code == null || !code.matches("[A-Z0-9]{1,2}")) {
                throw new IllegalArgumentException("a service type code must be one or two letters or digits");
            }
        }
    }

    /** Member data is PHI: a request names only which fields it has, never their values. */
    @Override
    public String toString() {
        return "EligibilityRequest[" + serviceTypeCodes.size() + " service type(s)]";
    }

    // Messages name the field, never the value: these fields are PHI.
    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters");
        }
    }
}
