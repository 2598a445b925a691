package dev.revcycle.claims.scrub;

import java.util.Map;
import java.util.TreeMap;

/**
 * The CMS Place of Service code set (2 digits, CLM05-1 of an 837P), as CMS publishes it
 * (https://www.cms.gov/medicare/coding-billing/place-of-service-codes/code-sets). Unassigned numbers
 * (28–30, 35–40, 43–48, 59, 63–64, 67–70, 73–80, 82–98) are not valid.
 */
public final class PlacesOfService {
    private static final Map<String, String> CODES = new TreeMap<>();

    static {
        row("01", "Pharmacy");
        row("02", "Telehealth provided other than in patient's home");
        row("03", "School");
        row("04", "Homeless shelter");
        row("05", "Indian Health Service free-standing facility");
        row("06", "Indian Health Service provider-based facility");
        row("07", "Tribal 638 free-standing facility");
        row("08", "Tribal 638 provider-based facility");
        row("09", "Prison/correctional facility");
        row("10", "Telehealth provided in patient's home");
        row("11", "Office");
        row("12", "Home");
        row("13", "Assisted living facility");
        row("14", "Group home");
        row("15", "Mobile unit");
        row("16", "Temporary lodging");
        row("17", "Walk-in retail health clinic");
        row("18", "Place of employment-worksite");
        row("19", "Off campus-outpatient hospital");
        row("20", "Urgent care facility");
        row("21", "Inpatient hospital");
        row("22", "On campus-outpatient hospital");
        row("23", "Emergency room-hospital");
        row("24", "Ambulatory surgical center");
        row("25", "Birthing center");
        row("26", "Military treatment facility");
        row("27", "Outreach site/street");
        row("31", "Skilled nursing facility");
        row("32", "Nursing facility");
        row("33", "Custodial care facility");
        row("34", "Hospice");
        row("41", "Ambulance-land");
        row("42", "Ambulance-air or water");
        row("49", "Independent clinic");
        row("50", "Federally qualified health center");
        row("51", "Inpatient psychiatric facility");
        row("52", "Psychiatric facility-partial hospitalization");
        row("53", "Community mental health center");
        row("54", "Intermediate care facility/individuals with intellectual disabilities");
        row("55", "Residential substance abuse treatment facility");
        row("56", "Psychiatric residential treatment center");
        row("57", "Non-residential substance abuse treatment facility");
        row("58", "Non-residential opioid treatment facility");
        row("60", "Mass immunization center");
        row("61", "Comprehensive inpatient rehabilitation facility");
        row("62", "Comprehensive outpatient rehabilitation facility");
        row("65", "End-stage renal disease treatment facility");
        row("66", "Programs of All-Inclusive Care for the Elderly (PACE) center");
        row("71", "Public health clinic");
        row("72", "Rural health clinic");
        row("81", "Independent laboratory");
        row("99", "Other place of service");
    }

    private PlacesOfService() {
    }

    private static void row(String code, String name) {
        CODES.put(code, name);
    }

    public static boolean valid(String code) {
        return code != null && CODES.containsKey(code);
    }

    /** Code → name, in code order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(CODES);
    }
}
