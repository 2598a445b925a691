package dev.revcycle.eligibility.x12;

import java.util.Map;

/** Standard texts of the 005010X279A1 AAA03 reject reason codes, so users see words, not numbers. */
final class RejectReasons {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("04", "Authorized Quantity Exceeded"),
            Map.entry("15", "Required application data missing"),
            Map.entry("33", "Input Errors"),
            Map.entry("35", "Out of Network"),
            Map.entry("41", "Authorization/Access Restrictions"),
            Map.entry("42", "Unable to Respond at Current Time"),
            Map.entry("43", "Invalid/Missing Provider Identification"),
            Map.entry("44", "Invalid/Missing Provider Name"),
            Map.entry("45", "Invalid/Missing Provider Specialty"),
            Map.entry("46", "Invalid/Missing Provider Phone Number"),
            Map.entry("47", "Invalid/Missing Provider State"),
            Map.entry("48", "Invalid/Missing Referring Provider Identification Number"),
            Map.entry("49", "Provider is Not Primary Care Physician"),
            Map.entry("50", "Provider Ineligible for Inquiries"),
            Map.entry("51", "Provider Not on File"),
            Map.entry("52", "Service Dates Not Within Provider Plan Enrollment"),
            Map.entry("53", "Inquired Benefit Inconsistent with Provider Type"),
            Map.entry("54", "Inappropriate Product/Service ID Qualifier"),
            Map.entry("55", "Inappropriate Product/Service ID"),
            Map.entry("56", "Inappropriate Date"),
            Map.entry("57", "Invalid/Missing Date(s) of Service"),
            Map.entry("58", "Invalid/Missing Date-of-Birth"),
            Map.entry("60", "Date of Birth Follows Date(s) of Service"),
            Map.entry("61", "Date of Death Precedes Date(s) of Service"),
            Map.entry("62", "Date of Service Not Within Allowable Inquiry Period"),
            Map.entry("63", "Date of Service in Future"),
            Map.entry("64", "Invalid/Missing Patient ID"),
            Map.entry("65", "Invalid/Missing Patient Name"),
            Map.entry("66", "Invalid/Missing Patient Gender Code"),
            Map.entry("67", "Patient Not Found"),
            Map.entry("68", "Duplicate Patient ID Number"),
            Map.entry("69", "Inconsistent with Patient's Age"),
            Map.entry("70", "Inconsistent with Patient's Gender"),
            Map.entry("71", "Patient Birth Date Does Not Match That for the Patient on the Database"),
            Map.entry("72", "Invalid/Missing Subscriber/Insured ID"),
            Map.entry("73", "Invalid/Missing Subscriber/Insured Name"),
            Map.entry("74", "Invalid/Missing Subscriber/Insured Gender Code"),
            Map.entry("75", "Subscriber/Insured Not Found"),
            Map.entry("76", "Duplicate Subscriber/Insured ID Number"),
            Map.entry("77", "Subscriber Found, Patient Not Found"),
            Map.entry("78", "Subscriber/Insured Not in Group/Plan Identified"),
            Map.entry("79", "Invalid Participant Identification"),
            Map.entry("80", "No Response received - Transaction Terminated"),
            Map.entry("97", "Invalid or Missing Provider Address"),
            Map.entry("AA", "Authorization Number Not Found"),
            Map.entry("AE", "Requires Primary Care Physician Authorization"),
            Map.entry("AF", "Invalid/Missing Diagnosis Code(s)"),
            Map.entry("AG", "Invalid/Missing Procedure Code(s)"),
            Map.entry("AO", "Additional Patient Condition Information Required"),
            Map.entry("CI", "Certification Information Does Not Match Patient"),
            Map.entry("E8", "Requires Medical Review"),
            Map.entry("IA", "Invalid Authorization Number Format"),
            Map.entry("MA", "Missing Authorization"),
            Map.entry("T4", "Payer Name or Identifier Missing"));

    private RejectReasons() {
    }

    static String describe(String code) {
        String description = DESCRIPTIONS.get(code);
        if (description != null) {
            return description;
        }
        return code.isEmpty() ? "Rejected without a reason code" : "Reject reason code " + code;
    }
}
