package dev.revcycle.claims.forms;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * The CMS-1500 (02/12) professional claim form, box by box, as the NUCC instructions fill it from
 * an 837P's data. Six service lines per page (box 24); a claim with more lines continues on further
 * pages, the total (box 28) on the last one only.
 */
final class Cms1500 implements FormLayout {
    static final Cms1500 LAYOUT = new Cms1500();
    private static final String[] DIAGNOSIS_LETTERS = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"};
    private static final float LINE_TOP = 470, LINE_HEIGHT = 26;

    @Override
    public String title() {
        return "HEALTH INSURANCE CLAIM FORM";
    }

    @Override
    public String subtitle() {
        return "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12";
    }

    @Override
    public List<Box> boxes() {
        return List.of(
                new Box("CARRIER", "PAYER", 330, 40, 250, 30),
                new Box("1", "1. MEDICARE / MEDICAID / TRICARE / CHAMPVA / GROUP HEALTH PLAN / FECA / OTHER", 30, 80, 330, 26),
                new Box("1a", "1a. INSURED'S I.D. NUMBER", 360, 80, 222, 26),
                new Box("2", "2. PATIENT'S NAME (Last Name, First Name)", 30, 106, 200, 26),
                new Box("3", "3. PATIENT'S BIRTH DATE / SEX", 230, 106, 130, 26),
                new Box("4", "4. INSURED'S NAME (Last Name, First Name)", 360, 106, 222, 26),
                new Box("5", "5. PATIENT'S ADDRESS (No., Street, City, State, ZIP)", 30, 132, 200, 40),
                new Box("6", "6. PATIENT RELATIONSHIP TO INSURED", 230, 132, 130, 40),
                new Box("7", "7. INSURED'S ADDRESS", 360, 132, 222, 40),
                new Box("11", "11. INSURED'S POLICY GROUP OR FECA NUMBER", 360, 172, 222, 26),
                new Box("11c", "11c. INSURANCE PLAN NAME OR PROGRAM NAME", 360, 198, 222, 26),
                new Box("12", "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 30, 224, 330, 26),
                new Box("13", "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 360, 224, 222, 26),
                new Box("17", "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE", 30, 250, 230, 26),
                new Box("17b", "17b. NPI", 260, 250, 100, 26),
                new Box("21", "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (ICD Ind. 0)", 30, 276, 330, 50),
                new Box("22", "22. RESUBMISSION CODE / ORIGINAL REF. NO.", 360, 276, 222, 24),
                new Box("23", "23. PRIOR AUTHORIZATION NUMBER", 360, 300, 222, 26),
                new Box("24", "24. A. DATE(S) OF SERVICE   B. POS   D. CPT/HCPCS  MODIFIER   E. DIAG. POINTER   F. $ CHARGES   G. UNITS   J. RENDERING PROVIDER ID (NPI)",
                        30, 440, 552, 30),
                new Box("25", "25. FEDERAL TAX I.D. NUMBER (SSN/EIN)", 30, 630, 160, 26),
                new Box("26", "26. PATIENT'S ACCOUNT NO.", 190, 630, 130, 26),
                new Box("27", "27. ACCEPT ASSIGNMENT?", 320, 630, 90, 26),
                new Box("28", "28. TOTAL CHARGE", 410, 630, 90, 26),
                new Box("29", "29. AMOUNT PAID", 500, 630, 82, 26),
                new Box("31", "31. SIGNATURE OF PHYSICIAN OR SUPPLIER", 30, 656, 160, 50),
                new Box("32", "32. SERVICE FACILITY LOCATION INFORMATION", 190, 656, 190, 50),
                new Box("33", "33. BILLING PROVIDER INFO & PH #", 380, 656, 202, 50),
                new Box("33a", "33a. NPI", 380, 706, 202, 22));
    }

    @Override
    public List<Box> lineBoxes(int row) {
        float y = LINE_TOP + row * LINE_HEIGHT;
        String n = String.valueOf(row + 1);
        return List.of(
                new Box("24A." + n, n + " A. DATES", 30, y, 100, LINE_HEIGHT),
                new Box("24B." + n, "B. POS", 130, y, 35, LINE_HEIGHT),
                new Box("24D." + n, "D. CPT/HCPCS MOD", 165, y, 120, LINE_HEIGHT),
                new Box("24E." + n, "E. PTR", 285, y, 50, LINE_HEIGHT),
                new Box("24F." + n, "F. CHARGES", 335, y, 80, LINE_HEIGHT),
                new Box("24G." + n, "G. UNITS", 415, y, 45, LINE_HEIGHT),
                new Box("24J." + n, "J. NPI", 460, y, 122, LINE_HEIGHT));
    }

    @Override
    public int linesPerPage() {
        return 6;
    }

    List<FormPage> pages(BillableClaim billable) {
        Claim claim = billable.claim();
        PatientFacts patient = billable.patient();
        CoverageFacts coverage = billable.coverage();
        Provider billing = billable.billingProvider();
        List<FormPage> pages = new ArrayList<>();
        List<List<ClaimLine>> chunks = FormPage.chunks(claim.lines(), linesPerPage());
        for (int p = 0; p < chunks.size(); p++) {
            FormPage page = new FormPage();
            page.put("CARRIER", coverage == null ? "SELF-PAY" : coverage.payerName() + "  (" + coverage.x12PayerId() + ")");
            page.put("1", coverage == null ? "OTHER (SELF-PAY)" : insuranceType(coverage.payerType()));
            if (coverage != null) {
                page.put("1a", coverage.memberId());
                page.put("4", coverage.subscriberIsPatient() ? Forms.name(patient.lastName(), patient.firstName())
                        : Forms.name(coverage.subscriberLastName(), coverage.subscriberFirstName()));
                page.put("6", coverage.subscriberRelationship());
                page.put("7", coverage.subscriberIsPatient() ? Forms.address(patient.address()) : "");
                page.put("11", coverage.groupNumber());
                page.put("11c", coverage.planName());
            }
            page.put("2", Forms.name(patient.lastName(), patient.firstName()));
            page.put("3", Forms.date(patient.dateOfBirth()) + "   " + patient.sex());
            page.put("5", Forms.address(patient.address()));
            page.put("12", "SIGNATURE ON FILE");
            page.put("13", "SIGNATURE ON FILE");
            if (billable.referringProvider() != null) {
                page.put("17", "DN  " + billable.referringProvider().name());
                page.put("17b", billable.referringProvider().npi());
            }
            page.put("21", diagnoses(claim.diagnoses()));
            if (!"1".equals(claim.frequencyCode()) && claim.frequencyCode() != null) {
                page.put("22", claim.frequencyCode());
            }
            page.put("23", claim.priorAuthorization());
            List<ClaimLine> lines = chunks.get(p);
            Provider rendering = billable.renderingProvider() != null ? billable.renderingProvider() : billing;
            for (int row = 0; row < lines.size(); row++) {
                ClaimLine line = lines.get(row);
                String n = String.valueOf(row + 1);
                page.put("24A." + n, Forms.date(line.serviceDate()) + " - " + Forms.date(line.serviceDate()));
                page.put("24B." + n, claim.placeOfService());
                page.put("24D." + n, (line.procedureCode() + " " + String.join(" ", line.modifiers())).trim());
                page.put("24E." + n, pointers(line.diagnosisPointers()));
                page.put("24F." + n, Forms.money(line.chargeAmount()));
                page.put("24G." + n, line.units().stripTrailingZeros().toPlainString());
                page.put("24J." + n, rendering.npi());
            }
            page.put("25", billing.taxId() + (billing.taxId() != null && billing.taxId().length() == 9 ? "  EIN" : ""));
            page.put("26", claim.patientControlNumber());
            page.put("27", "YES");
            if (p == chunks.size() - 1) {
                page.put("28", Forms.money(claim.totalCharge()));
            } else {
                page.put("28", "CONTINUED");
            }
            page.put("31", rendering.name());
            page.put("33", billing.name() + "\n" + Forms.address(billing.address()));
            page.put("33a", billing.npi());
            pages.add(page);
        }
        return pages;
    }

    private static String insuranceType(String payerType) {
        return switch (payerType == null ? "" : payerType) {
            case "MEDICARE" -> "MEDICARE";
            case "MEDICAID" -> "MEDICAID";
            case "COMMERCIAL", "MANAGED_CARE" -> "GROUP HEALTH PLAN";
            default -> "OTHER";
        };
    }

    private static String diagnoses(List<String> codes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < codes.size() && i < DIAGNOSIS_LETTERS.length; i++) {
            out.append(DIAGNOSIS_LETTERS[i]).append(". ").append(codes.get(i)).append(i % 4 == 3 ? "\n" : "    ");
        }
        return out.toString().trim();
    }

    private static String pointers(List<Integer> pointers) {
        StringBuilder out = new StringBuilder();
        for (Integer pointer : pointers) {
            if (pointer != null && pointer >= 1 && pointer <= DIAGNOSIS_LETTERS.length) {
                out.append(DIAGNOSIS_LETTERS[pointer - 1]);
            }
        }
        return out.toString();
    }
}
