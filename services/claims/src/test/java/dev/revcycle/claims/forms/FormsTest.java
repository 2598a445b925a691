package dev.revcycle.claims.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The forms read back with PDFBox: each value is found inside its box, not just somewhere on the page. */
class FormsTest {
    private static final LocalDate DOS = LocalDate.of(2026, 11, 20);

    static BillableClaim claim(ClaimType type, int lineCount, String firstName) {
        List<ClaimLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= lineCount; i++) {
            BigDecimal charge = new BigDecimal("100.00").add(BigDecimal.valueOf(i));
            total = total.add(charge);
            lines.add(new ClaimLine(UUID.randomUUID(), i, i == 1 ? "99213" : "8100" + (i % 10), i == 1 ? List.of("25") : List.of(),
                    BigDecimal.ONE, charge, DOS, List.of(1, 2), type == ClaimType.INSTITUTIONAL ? "0450" : null, null));
        }
        Claim claim = new Claim(UUID.randomUUID(), "p1", UUID.randomUUID(), UUID.randomUUID(), type, ClaimStatus.READY,
                "PCN000123", UUID.randomUUID(), null, null, "11", type == ClaimType.INSTITUTIONAL ? "0131" : null,
                type == ClaimType.INSTITUTIONAL ? DOS : null, null, "AUTH778", List.of("E11.9", "I10", "Z79.4"), lines, total,
                "1", null, null, 3);
        PatientFacts patient = new PatientFacts(claim.patientId(), "p1", "M100000001", firstName, "Lopez",
                LocalDate.of(1984, 3, 9), "F", new PostalAddress("12 Main St", null, "Springfield", "IL", "62704"), false, null, 1);
        CoverageFacts coverage = new CoverageFacts(claim.coverageId(), claim.patientId(), "p1", UUID.randomUUID(), "Sandbox Health",
                "COMMERCIAL", "SBX01", 365, "XJH123456701", "GRP-4400", "Sandbox PPO", "PRIMARY", "SELF", null, null, null,
                LocalDate.of(2026, 1, 1), null, false, 1);
        Provider billing = new Provider(claim.billingProviderId(), "p1", "1234567893", "Springfield Family Clinic",
                ProviderEntityType.ORGANIZATION, "207Q00000X", "371234567",
                new PostalAddress("100 Clinic Way", null, "Springfield", "IL", "627041234"), true, 1);
        return new BillableClaim(claim, patient, coverage, null, billing, null, null);
    }

    private static Map<String, String> boxTexts(byte[] pdf, ClaimType type, int page) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            List<Box> boxes = Forms.boxes(type, 30);
            for (Box box : boxes) {
                stripper.addRegion(box.id(), new Rectangle2D.Float(box.x(), box.y(), box.width(), box.height()));
            }
            stripper.extractRegions(document.getPage(page));
            Map<String, String> texts = new HashMap<>();
            for (Box box : boxes) {
                texts.put(box.id(), stripper.getTextForRegion(box.id()).replaceAll("\\s+", " ").trim());
            }
            return texts;
        }
    }

    @Test
    void aProfessionalClaimIsOnTheCms1500WithEachValueInItsBox() throws Exception {
        byte[] pdf = Forms.render(claim(ClaimType.PROFESSIONAL, 2, "Ana"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Map<String, String> box = boxTexts(pdf, ClaimType.PROFESSIONAL, 0);
        assertThat(box.get("2")).contains("LOPEZ, ANA");
        assertThat(box.get("1a")).contains("XJH123456701");
        assertThat(box.get("3")).contains("03 09 1984").contains("F");
        assertThat(box.get("21")).contains("A. E11.9").contains("B. I10").contains("C. Z79.4");
        assertThat(box.get("23")).contains("AUTH778");
        assertThat(box.get("24D.1")).contains("99213 25");
        assertThat(box.get("24E.1")).contains("AB");
        assertThat(box.get("24F.1")).contains("101.00");
        assertThat(box.get("24F.2")).contains("102.00");
        assertThat(box.get("24A.1")).contains("11 20 2026");
        assertThat(box.get("26")).contains("PCN000123");
        assertThat(box.get("28")).contains("203.00");
        assertThat(box.get("25")).contains("371234567");
        assertThat(box.get("33a")).contains("1234567893");
        assertThat(box.get("33")).contains("Springfield Family Clinic").contains("62704-1234");
        assertThat(box.get("24D.3")).as("an unused line prints only its label").isEqualTo("D. CPT/HCPCS MOD");
    }

    @Test
    void moreThanSixLinesContinueOnASecondPageWithTheTotalOnTheLast() throws Exception {
        byte[] pdf = Forms.render(claim(ClaimType.PROFESSIONAL, 8, "Ana"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(boxTexts(pdf, ClaimType.PROFESSIONAL, 0).get("28")).contains("CONTINUED");
        Map<String, String> second = boxTexts(pdf, ClaimType.PROFESSIONAL, 1);
        assertThat(second.get("24F.1")).contains("107.00");
        assertThat(second.get("24F.2")).contains("108.00");
        assertThat(second.get("28")).contains("836.00");
    }

    @Test
    void anInstitutionalClaimIsOnTheUb04() throws Exception {
        byte[] pdf = Forms.render(claim(ClaimType.INSTITUTIONAL, 3, "Ana"));
        Map<String, String> box = boxTexts(pdf, ClaimType.INSTITUTIONAL, 0);
        assertThat(box.get("FL4")).contains("0131");
        assertThat(box.get("FL3a")).contains("PCN000123");
        assertThat(box.get("FL8")).contains("LOPEZ, ANA");
        assertThat(box.get("FL42.1")).contains("0450");
        assertThat(box.get("FL44.1")).contains("99213 25");
        assertThat(box.get("FL47.3")).contains("103.00");
        assertThat(box.get("FL47")).contains("306.00");
        assertThat(box.get("FL60")).contains("XJH123456701");
        assertThat(box.get("FL67")).contains("E11.9");
        assertThat(box.get("FL67A")).contains("I10").contains("Z79.4");
        assertThat(box.get("FL56")).contains("1234567893");
        assertThat(box.get("FL63")).contains("AUTH778");
        assertThat(box.get("FL12")).contains("11 20 2026");
    }

    @Test
    void accentedNamesArePrintedWithoutAccents() throws Exception {
        byte[] pdf = Forms.render(claim(ClaimType.PROFESSIONAL, 1, "Zoë"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("LOPEZ, ZOE");
        }
    }
}
