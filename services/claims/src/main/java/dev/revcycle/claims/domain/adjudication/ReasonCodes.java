package dev.revcycle.claims.domain.adjudication;

import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import java.util.Map;

/**
 * Readable words for the adjustment groups and the Claim Adjustment Reason Codes (CARC) a denials queue
 * meets most (X12's code list, shortened); any other code reads "CARC n".
 */
public final class ReasonCodes {
    private static final Map<String, String> GROUPS = Map.of(
            "CO", "Contractual obligation", "PR", "Patient responsibility", "OA", "Other adjustment",
            "PI", "Payer-initiated reduction", "CR", "Correction or reversal");

    private static final Map<String, String> CARCS = Map.ofEntries(
            Map.entry("1", "deductible amount"),
            Map.entry("2", "coinsurance amount"),
            Map.entry("3", "co-payment amount"),
            Map.entry("4", "the procedure code is inconsistent with the modifier, or a modifier is missing"),
            Map.entry("5", "the procedure code or bill type is inconsistent with the place of service"),
            Map.entry("6", "the procedure or revenue code is inconsistent with the patient's age"),
            Map.entry("7", "the procedure or revenue code is inconsistent with the patient's sex"),
            Map.entry("11", "the diagnosis is inconsistent with the procedure"),
            Map.entry("15", "the authorization number is missing, invalid or does not apply"),
            Map.entry("16", "the claim lacks information or has submission or billing errors"),
            Map.entry("18", "exact duplicate claim or service"),
            Map.entry("22", "this care may be covered by another payer (coordination of benefits)"),
            Map.entry("23", "the impact of prior payer adjudication"),
            Map.entry("26", "expenses incurred before coverage"),
            Map.entry("27", "expenses incurred after coverage terminated"),
            Map.entry("29", "the time limit for filing has expired"),
            Map.entry("31", "the patient cannot be identified as our insured"),
            Map.entry("45", "the charge exceeds the fee schedule or maximum allowable amount"),
            Map.entry("50", "not deemed a medical necessity by the payer"),
            Map.entry("96", "non-covered charge(s)"),
            Map.entry("97", "the benefit for this service is included in another service already adjudicated"),
            Map.entry("109", "not covered by this payer: send the claim to the correct payer"),
            Map.entry("119", "the benefit maximum for this time period has been reached"),
            Map.entry("125", "submission or billing error(s)"),
            Map.entry("197", "precertification, authorization or notification is absent"),
            Map.entry("198", "precertification, notification or authorization exceeded"),
            Map.entry("204", "this service is not covered under the patient's current benefit plan"),
            Map.entry("242", "services not provided by network or primary care providers"),
            Map.entry("253", "sequestration: reduction of federal payment"));

    private ReasonCodes() {
    }

    /** E.g. "Contractual obligation: the time limit for filing has expired (CO-29, RARC N211)". */
    public static String describe(Adjustment a) {
        String group = GROUPS.getOrDefault(a.groupCode(), a.groupCode());
        String carc = CARCS.getOrDefault(a.reasonCode(), "CARC " + a.reasonCode());
        String code = a.groupCode() + "-" + a.reasonCode() + (a.remarkCode() == null ? "" : ", RARC " + a.remarkCode());
        return group + ": " + carc + " (" + code + ")";
    }
}
