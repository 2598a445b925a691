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

    /** TA105 interchange note codes, for a TA1 that refuses our interchange. */
    private static final Map<String, String> INTERCHANGE_NOTES = Map.ofEntries(
            Map.entry("000", "No error"),
            Map.entry("001", "The Interchange Control Number in the Header and Trailer Do Not Match"),
            Map.entry("002", "This Standard as Noted in the Control Standards Identifier is Not Supported"),
            Map.entry("003", "This Version of the Controls is Not Supported"),
            Map.entry("004", "The Segment Terminator is Invalid"),
            Map.entry("005", "Invalid Interchange ID Qualifier for Sender"),
            Map.entry("006", "Invalid Interchange Sender ID"),
            Map.entry("007", "Invalid Interchange ID Qualifier for Receiver"),
            Map.entry("008", "Invalid Interchange Receiver ID"),
            Map.entry("009", "Unknown Interchange Receiver ID"),
            Map.entry("010", "Invalid Authorization Information Qualifier Value"),
            Map.entry("011", "Invalid Authorization Information Value"),
            Map.entry("012", "Invalid Security Information Qualifier Value"),
            Map.entry("013", "Invalid Security Information Value"),
            Map.entry("014", "Invalid Interchange Date Value"),
            Map.entry("015", "Invalid Interchange Time Value"),
            Map.entry("016", "Invalid Interchange Standards Identifier Value"),
            Map.entry("017", "Invalid Interchange Version ID Value"),
            Map.entry("018", "Invalid Interchange Control Number Value"),
            Map.entry("019", "Invalid Acknowledgment Requested Value"),
            Map.entry("020", "Invalid Test Indicator Value"),
            Map.entry("021", "Invalid Number of Included Groups Value"),
            Map.entry("022", "Invalid Control Structure"),
            Map.entry("023", "Improper (Premature) End-of-File (Transmission)"),
            Map.entry("024", "Invalid Interchange Content (e.g., Invalid GS Segment)"),
            Map.entry("025", "Duplicate Interchange Control Number"),
            Map.entry("026", "Invalid Data Element Separator"),
            Map.entry("027", "Invalid Component Element Separator"),
            Map.entry("028", "Invalid Delivery Date in Deferred Delivery Request"),
            Map.entry("029", "Invalid Delivery Time in Deferred Delivery Request"),
            Map.entry("030", "Invalid Delivery Time Code in Deferred Delivery Request"),
            Map.entry("031", "Invalid Grade of Service Code"));

    private RejectReasons() {
    }

    static String describe(String code) {
        String description = DESCRIPTIONS.get(code);
        if (description != null) {
            return description;
        }
        return code.isEmpty() ? "Rejected without a reason code" : "Reject reason code " + code;
    }

    /** "Interchange rejected: " and the TA105 note's standard text. */
    static String describeInterchangeNote(String code) {
        String note = INTERCHANGE_NOTES.get(code);
        return "Interchange rejected: " + (note != null ? note : code.isEmpty() ? "no note code" : "note code " + code);
    }
}
