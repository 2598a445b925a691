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
 * The UB-04 (CMS-1450) institutional claim form, form locator by form locator, filled from an
 * 837I's data. Twenty-two revenue lines per page (FL 42–47); the total line (revenue code 0001) on
 * the last page only.
 */
final class Ub04 implements FormLayout {
    static final Ub04 LAYOUT = new Ub04();
    private static final float LINE_TOP = 250, LINE_HEIGHT = 14;

    @Override
    public String title() {
        return "UB-04 CMS-1450";
    }

    @Override
    public String subtitle() {
        return "UNIFORM BILL (NUBC)";
    }

    @Override
    public List<Box> boxes() {
        return List.of(
                new Box("FL1", "1 BILLING PROVIDER", 30, 40, 200, 50),
                new Box("FL3a", "3a PAT. CNTL #", 230, 40, 150, 25),
                new Box("FL4", "4 TYPE OF BILL", 380, 40, 80, 25),
                new Box("FL5", "5 FED. TAX NO.", 230, 65, 110, 25),
                new Box("FL6", "6 STATEMENT COVERS PERIOD FROM / THROUGH", 340, 65, 242, 25),
                new Box("FL8", "8 PATIENT NAME", 30, 95, 200, 25),
                new Box("FL9", "9 PATIENT ADDRESS", 230, 95, 352, 25),
                new Box("FL10", "10 BIRTHDATE", 30, 120, 90, 25),
                new Box("FL11", "11 SEX", 120, 120, 40, 25),
                new Box("FL12", "12 ADMISSION DATE", 160, 120, 100, 25),
                new Box("FL16", "16 DISCHARGE DATE", 260, 120, 100, 25),
                new Box("FL42", "42 REV. CD.   43 DESCRIPTION   44 HCPCS / RATE / HIPPS CODE   45 SERV. DATE   46 SERV. UNITS   47 TOTAL CHARGES",
                        30, 222, 552, 28),
                new Box("FL47", "0001 PAGE TOTAL / 47 TOTAL CHARGES", 400, 562, 182, 22),
                new Box("FL50", "50 PAYER NAME", 30, 590, 200, 22),
                new Box("FL56", "56 NPI", 430, 590, 152, 22),
                new Box("FL58", "58 INSURED'S NAME", 30, 612, 200, 22),
                new Box("FL59", "59 P. REL", 230, 612, 60, 22),
                new Box("FL60", "60 INSURED'S UNIQUE ID", 290, 612, 150, 22),
                new Box("FL62", "62 INSURANCE GROUP NO.", 440, 612, 142, 22),
                new Box("FL63", "63 TREATMENT AUTHORIZATION CODES", 30, 634, 250, 22),
                new Box("FL66", "66 DX", 30, 656, 40, 22),
                new Box("FL67", "67 PRINCIPAL DIAGNOSIS", 70, 656, 120, 22),
                new Box("FL67A", "67A-Q OTHER DIAGNOSES", 190, 656, 392, 22),
                new Box("FL76", "76 ATTENDING NPI / NAME", 30, 680, 270, 22),
                new Box("FL78", "78 OTHER (REFERRING) NPI / NAME", 300, 680, 282, 22));
    }

    @Override
    public List<Box> lineBoxes(int row) {
        float y = LINE_TOP + row * LINE_HEIGHT;
        String n = String.valueOf(row + 1);
        return List.of(
                new Box("FL42." + n, "", 30, y, 50, LINE_HEIGHT),
                new Box("FL43." + n, "", 80, y, 150, LINE_HEIGHT),
                new Box("FL44." + n, "", 230, y, 110, LINE_HEIGHT),
                new Box("FL45." + n, "", 340, y, 70, LINE_HEIGHT),
                new Box("FL46." + n, "", 410, y, 60, LINE_HEIGHT),
                new Box("FL47." + n, "", 470, y, 112, LINE_HEIGHT));
    }

    @Override
    public int linesPerPage() {
        return 22;
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
            page.put("FL1", billing.name() + "\n" + Forms.address(billing.address()));
            page.put("FL3a", claim.patientControlNumber());
            page.put("FL4", claim.typeOfBill());
            page.put("FL5", billing.taxId());
            page.put("FL6", Forms.date(claim.firstServiceDate()) + "  " + Forms.date(claim.lastServiceDate()));
            page.put("FL8", Forms.name(patient.lastName(), patient.firstName()));
            page.put("FL9", Forms.address(patient.address()).replace('\n', ' '));
            page.put("FL10", Forms.date(patient.dateOfBirth()));
            page.put("FL11", patient.sex());
            page.put("FL12", Forms.date(claim.admissionDate()));
            page.put("FL16", Forms.date(claim.dischargeDate()));
            List<ClaimLine> lines = chunks.get(p);
            for (int row = 0; row < lines.size(); row++) {
                ClaimLine line = lines.get(row);
                String n = String.valueOf(row + 1);
                page.put("FL42." + n, line.revenueCode());
                page.put("FL44." + n, (line.procedureCode() + " " + String.join(" ", line.modifiers())).trim());
                page.put("FL45." + n, Forms.date(line.serviceDate()));
                page.put("FL46." + n, line.units().stripTrailingZeros().toPlainString());
                page.put("FL47." + n, Forms.money(line.chargeAmount()));
            }
            page.put("FL47", (p + 1) + " OF " + chunks.size() + "   " + (p == chunks.size() - 1 ? Forms.money(claim.totalCharge()) : "CONTINUED"));
            page.put("FL50", coverage == null ? "SELF-PAY" : coverage.payerName());
            page.put("FL56", billing.npi());
            if (coverage != null) {
                page.put("FL58", coverage.subscriberIsPatient() ? Forms.name(patient.lastName(), patient.firstName())
                        : Forms.name(coverage.subscriberLastName(), coverage.subscriberFirstName()));
                page.put("FL59", relationshipCode(coverage.subscriberRelationship()));
                page.put("FL60", coverage.memberId());
                page.put("FL62", coverage.groupNumber());
            }
            page.put("FL63", claim.priorAuthorization());
            page.put("FL66", "0");
            if (!claim.diagnoses().isEmpty()) {
                page.put("FL67", claim.diagnoses().get(0));
                page.put("FL67A", String.join("  ", claim.diagnoses().subList(1, claim.diagnoses().size())));
            }
            Provider attending = billable.renderingProvider();
            if (attending != null) {
                page.put("FL76", attending.npi() + "  " + attending.name());
            }
            if (billable.referringProvider() != null) {
                page.put("FL78", billable.referringProvider().npi() + "  " + billable.referringProvider().name());
            }
            pages.add(page);
        }
        return pages;
    }

    /** FL 59 patient's relationship to the insured (NUBC codes: 18 self, 01 spouse, 19 child, G8 other). */
    private static String relationshipCode(String relationship) {
        return switch (relationship == null ? "" : relationship) {
            case "SELF" -> "18";
            case "SPOUSE" -> "01";
            case "CHILD" -> "19";
            default -> "G8";
        };
    }
}
