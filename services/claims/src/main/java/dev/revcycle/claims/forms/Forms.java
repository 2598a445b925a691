package dev.revcycle.claims.forms;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.PostalAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Paper claims: a claim rendered on the CMS-1500 (professional) or the UB-04 (institutional) layout,
 * box by box, as a PDF (Apache PDFBox, the standard Helvetica font). The layouts are tables of
 * {@link Box}es in {@link Cms1500} and {@link Ub04}; this class only draws them.
 */
public final class Forms {
    private static final DateTimeFormatter MM_DD_YYYY = DateTimeFormatter.ofPattern("MM dd yyyy");
    private static final PDType1Font LABEL_FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font VALUE_FONT = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();

    private Forms() {
    }

    /** The claim's form: CMS-1500 for a professional claim, UB-04 for an institutional one. */
    public static byte[] render(BillableClaim claim) {
        if (claim.claim().type() == ClaimType.INSTITUTIONAL) {
            return draw(Ub04.LAYOUT, Ub04.LAYOUT.pages(claim));
        }
        return draw(Cms1500.LAYOUT, Cms1500.LAYOUT.pages(claim));
    }

    /** Where each box of the claim's form is (for tests reading a box's text back, and for print alignment). */
    public static List<Box> boxes(ClaimType type, int lineRows) {
        FormLayout layout = type == ClaimType.INSTITUTIONAL ? Ub04.LAYOUT : Cms1500.LAYOUT;
        List<Box> all = new java.util.ArrayList<>(layout.boxes());
        for (int row = 0; row < Math.min(lineRows, layout.linesPerPage()); row++) {
            all.addAll(layout.lineBoxes(row));
        }
        return all;
    }

    private static byte[] draw(FormLayout layout, List<FormPage> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (FormPage values : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    text(content, LABEL_FONT, 12, 30, 22, layout.title());
                    text(content, LABEL_FONT, 6, 30, 32, layout.subtitle());
                    content.setLineWidth(0.4f);
                    for (Box box : layout.boxes()) {
                        drawBox(content, box, values.values().get(box.id()));
                    }
                    for (int row = 0; row < layout.linesPerPage(); row++) {
                        for (Box box : layout.lineBoxes(row)) {
                            drawBox(content, box, values.values().get(box.id()));
                        }
                    }
                }
            }
            document.getDocumentInformation().setTitle(layout.title());
            document.getDocumentInformation().setCreator("revcycle claims");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the claim form could not be drawn", e);
        }
    }

    private static void drawBox(PDPageContentStream content, Box box, String value) throws IOException {
        content.addRect(box.x(), PAGE_HEIGHT - box.y() - box.height(), box.width(), box.height());
        content.stroke();
        if (!box.label().isEmpty()) {
            text(content, LABEL_FONT, 4.5f, box.x() + 2, box.y() + 6, box.label());
        }
        if (value != null) {
            String[] lines = value.split("\n");
            float size = box.height() < 16 ? 7 : 8;
            float y = box.y() + (box.label().isEmpty() ? 10 : 15);
            for (String line : lines) {
                text(content, VALUE_FONT, size, box.x() + 3, y, fit(line, box.width() - 6, size));
                y += size + 1;
            }
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float yFromTop, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, PAGE_HEIGHT - yFromTop);
        content.showText(printable(text));
        content.endText();
    }

    /** What fits in the box at that size (Courier: 0.6 em per character). */
    private static String fit(String text, float width, float size) {
        int max = (int) (width / (size * 0.6f));
        return text.length() <= max ? text : text.substring(0, Math.max(0, max));
    }

    /** The standard fonts draw Latin-1 only: accents are taken off, anything else becomes '?'. */
    static String printable(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }

    static String name(String last, String first) {
        return (last == null ? "" : last.toUpperCase()) + (first == null ? "" : ", " + first.toUpperCase());
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.format(MM_DD_YYYY);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static String address(PostalAddress address) {
        if (address == null) {
            return "";
        }
        String street = address.line1() + (address.line2() == null || address.line2().isBlank() ? "" : " " + address.line2());
        String zip = address.postalCode() != null && address.postalCode().length() == 9
                ? address.postalCode().substring(0, 5) + "-" + address.postalCode().substring(5) : address.postalCode();
        return street + "\n" + address.city() + ", " + address.state() + " " + zip;
    }
}
