package dev.revcycle.claims.x12;

import java.util.Map;

/**
 * Readable words for the STC01 of a 277CA and of a 277 claim status response: the claim status category (code
 * list 507: A0–A8, P0–P5, F0–F4, R0–R16, E0–E4), the most common claim status codes (508) and entity identifier
 * codes (98). A code not in the table is named by its number, so a
 * reason is always given.
 */
public final class ClaimStatusCodes {

    private static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("A0", "Forwarded to another entity"),
            Map.entry("A1", "Received"),
            Map.entry("A2", "Accepted into the adjudication system"),
            Map.entry("A3", "Returned as unprocessable"),
            Map.entry("A4", "Not found"),
            Map.entry("A5", "Split claim"),
            Map.entry("A6", "Rejected for missing information"),
            Map.entry("A7", "Rejected for invalid information"),
            Map.entry("A8", "Rejected for relational field in error"),
            // the 277 claim status response's categories (pending, finalized, requests, errors)
            Map.entry("P0", "Pending: adjudication details are unknown"),
            Map.entry("P1", "Pending: in process"),
            Map.entry("P2", "Pending: payer review"),
            Map.entry("P3", "Pending: provider requested information"),
            Map.entry("P4", "Pending: patient requested information"),
            Map.entry("P5", "Pending: payer administrative or system hold"),
            Map.entry("F0", "Finalized: adjudication complete, no more action will be taken"),
            Map.entry("F1", "Finalized: payment"),
            Map.entry("F2", "Finalized: denial"),
            Map.entry("F3", "Finalized: revised"),
            Map.entry("F4", "Finalized: adjudication complete, no payment forthcoming"),
            Map.entry("R0", "Requests for additional information: general requests"),
            Map.entry("R1", "Requests for additional information: entity requests"),
            Map.entry("R3", "Requests for additional information: claim or line"),
            Map.entry("R4", "Requests for additional information: documentation"),
            Map.entry("R5", "Requests for additional information: more specific detail"),
            Map.entry("R6", "Requests for additional information: regulatory requirements"),
            Map.entry("R7", "Requests for additional information: confirm care is consistent with health plan policy coverage"),
            Map.entry("R8", "Requests for additional information: confirm care is consistent with health plan coverage exceptions"),
            Map.entry("R9", "Requests for additional information: determination of medical necessity"),
            Map.entry("R10", "Requests for additional information: support a filed grievance or appeal"),
            Map.entry("R11", "Requests for additional information: pre-payment review of claims"),
            Map.entry("R12", "Requests for additional information: clarification or justification of use for specified procedure code"),
            Map.entry("R13", "Requests for additional information: original documents submitted are not readable"),
            Map.entry("R14", "Requests for additional information: original documents received are not what was requested"),
            Map.entry("R15", "Requests for additional information: workers compensation coverage verification"),
            Map.entry("R16", "Requests for additional information: eligibility determination"),
            Map.entry("E0", "Response not possible: error on submitted request data"),
            Map.entry("E1", "Response not possible: system status"),
            Map.entry("E2", "Information holder is not responding; resubmit at a later time"),
            Map.entry("E3", "Correction required: relational fields in error"),
            Map.entry("E4", "Trading partner agreement specific requirement not met: data correction required"));

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("0", "cannot provide further status electronically"),
            Map.entry("1", "for more detailed information, see remittance advice"),
            Map.entry("3", "claim has been adjudicated and is awaiting payment cycle"),
            Map.entry("19", "entity acknowledges receipt of claim"),
            Map.entry("20", "accepted for processing"),
            Map.entry("21", "missing or invalid information"),
            Map.entry("23", "returned to entity"),
            Map.entry("24", "entity not approved as an electronic submitter"),
            Map.entry("26", "entity not found"),
            Map.entry("29", "subscriber and policy number/contract number mismatched"),
            Map.entry("33", "subscriber and subscriber id not found"),
            Map.entry("35", "claim/encounter not found"),
            Map.entry("41", "special handling required at payer site"),
            Map.entry("65", "claim/line has been paid"),
            Map.entry("97", "patient eligibility not found with entity"),
            Map.entry("101", "claim was processed as adjustment to previous claim"),
            Map.entry("116", "claim submitted to the incorrect payer"),
            Map.entry("125", "entity's name"),
            Map.entry("128", "entity's tax id"),
            Map.entry("145", "entity's specialty/taxonomy code"),
            Map.entry("153", "entity's id number"),
            Map.entry("158", "entity's date of birth"),
            Map.entry("164", "entity's contract/member number"),
            Map.entry("187", "date(s) of service"),
            Map.entry("189", "facility type code"),
            Map.entry("220", "claim frequency code"),
            Map.entry("247", "line information"),
            Map.entry("254", "principal diagnosis code"),
            Map.entry("255", "diagnosis code"),
            Map.entry("400", "claim is out of balance"),
            Map.entry("454", "procedure code for services rendered"),
            Map.entry("455", "revenue code for services rendered"),
            Map.entry("464", "payer assigned claim control number"),
            Map.entry("477", "national drug code (NDC)"),
            Map.entry("484", "business application currently not available"),
            Map.entry("496", "submitter not approved for electronic claim submissions on behalf of this entity"),
            Map.entry("507", "HCPCS"),
            Map.entry("510", "future date"),
            Map.entry("511", "invalid character"),
            Map.entry("513", "reason for visit diagnosis code"),
            Map.entry("516", "place of service code"),
            Map.entry("562", "entity's national provider identifier (NPI)"),
            Map.entry("564", "entity's postal/zip code"),
            Map.entry("585", "denied charge or non-covered charge"),
            Map.entry("640", "invalid code"),
            Map.entry("673", "patient control number"),
            Map.entry("678", "entity's address"),
            Map.entry("685", "claim could not complete adjudication in real time"),
            Map.entry("697", "invalid date of service for this coverage"),
            Map.entry("732", "information submitted inconsistent with billing guidelines"),
            Map.entry("747", "diagnosis code not valid for the date of service"),
            Map.entry("748", "diagnosis code must not be a manifestation code"));

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("03", "dependent"),
            Map.entry("1P", "provider"),
            Map.entry("40", "receiver"),
            Map.entry("41", "submitter"),
            Map.entry("71", "attending physician"),
            Map.entry("77", "service location"),
            Map.entry("82", "rendering provider"),
            Map.entry("85", "billing provider"),
            Map.entry("DN", "referring provider"),
            Map.entry("IL", "subscriber"),
            Map.entry("PR", "payer"),
            Map.entry("QC", "patient"));

    private ClaimStatusCodes() {
    }

    /** E.g. A7:562:85 → "Rejected for invalid information: entity's national provider identifier (NPI) (billing provider)". */
    public static String describe(String category, String statusCode, String entityCode) {
        StringBuilder out = new StringBuilder(CATEGORIES.getOrDefault(category, "Status category " + category));
        if (statusCode != null && !statusCode.isEmpty()) {
            out.append(": ").append(STATUS.getOrDefault(statusCode, "status code " + statusCode));
        }
        if (entityCode != null && !entityCode.isEmpty()) {
            out.append(" (").append(ENTITIES.getOrDefault(entityCode, "entity " + entityCode)).append(')');
        }
        return out.toString();
    }
}
