package dev.revcycle.collections.forms;

import dev.revcycle.collections.domain.StatementDocument;
import dev.revcycle.collections.domain.StatementLine;
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
 * A patient statement on US Letter paper, drawn with Apache PDFBox and the standard Helvetica fonts (as
 * claims' paper forms): the practice and statement date, the guarantor's mailing block (placed for a #10
 * window envelope), the account, the level's message, the services with what insurance paid and adjusted,
 * the amount due and the due date, and a detachable remittance stub. Services past one page continue on
 * the next ({@link #LINES_PER_PAGE} a page); the totals and the stub are on the last page.
 */
public final class StatementPdf {
    static final int LINES_PER_PAGE = 22;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final float HEIGHT = PDRectangle.LETTER.getHeight();
    private static final float[] COLUMNS = {50, 120, 300, 370, 440, 510};

    private StatementPdf() {
    }

    /** One statement as a PDF file. */
    public static byte[] render(StatementDocument statement) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            draw(document, statement, true);
            document.getDocumentInformation().setTitle("Patient statement");
            document.getDocumentInformation().setCreator("revcycle collections");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the statement could not be drawn", e);
        }
    }

    /** Adds the statement's pages to {@code document} (content compressed or not: the run file compresses it itself). */
    static void draw(PDDocument document, StatementDocument s, boolean compress) throws IOException {
        List<StatementLine> lines = s.lines();
        int pages = Math.max(1, (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, compress)) {
                header(c, s, p + 1, pages);
                List<StatementLine> slice = lines.subList(p * LINES_PER_PAGE, Math.min(lines.size(), (p + 1) * LINES_PER_PAGE));
                float y = table(c, slice, 330);
                if (p == pages - 1) {
                    totals(c, s, y + 18);
                    stub(c, s);
                } else {
                    text(c, REGULAR, 9, COLUMNS[0], y + 16, "Continued on the next page.");
                }
            }
        }
    }

    private static void header(PDPageContentStream c, StatementDocument s, int page, int pages) throws IOException {
        text(c, BOLD, 16, 50, 60, s.practiceName() == null ? s.practiceId() : s.practiceName());
        text(c, REGULAR, 10, 50, 76, "PATIENT STATEMENT");
        text(c, REGULAR, 9, 380, 60, "Statement date: " + date(s.statementDate()));
        text(c, REGULAR, 9, 380, 73, "Account: " + s.accountId());
        text(c, REGULAR, 9, 380, 86, "Page " + page + " of " + pages);
        // the mailing block sits where a #10 window envelope shows it
        float y = 150;
        text(c, BOLD, 11, 72, y, s.patientName());
        for (String line : s.addressLines()) {
            y += 14;
            text(c, REGULAR, 11, 72, y, line);
        }
        text(c, BOLD, 11, 380, 150, "Amount due: $" + money(s.amountDue()));
        text(c, BOLD, 11, 380, 165, "Please pay by: " + date(s.dueDate()));
        wrap(c, s.message(), 50, 250, 95);
    }

    private static float table(PDPageContentStream c, List<StatementLine> lines, float top) throws IOException {
        String[] heads = {"Date", "Service", "Charges", "Insurance", "Adjusted", "Your part"};
        for (int i = 0; i < heads.length; i++) {
            text(c, BOLD, 9, COLUMNS[i], top, heads[i]);
        }
        c.setLineWidth(0.5f);
        c.moveTo(50, HEIGHT - top - 4);
        c.lineTo(562, HEIGHT - top - 4);
        c.stroke();
        float y = top + 16;
        for (StatementLine l : lines) {
            text(c, REGULAR, 9, COLUMNS[0], y, date(l.serviceDate()));
            text(c, REGULAR, 9, COLUMNS[1], y, fit(l.description(), 36));
            right(c, 9, COLUMNS[2] + 50, y, money(l.charge()));
            right(c, 9, COLUMNS[3] + 50, y, money(l.insurancePaid().negate()));
            right(c, 9, COLUMNS[4] + 50, y, money(l.adjustments().negate()));
            right(c, 9, COLUMNS[5] + 50, y, money(l.balance()));
            y += 14;
        }
        return y;
    }

    private static void totals(PDPageContentStream c, StatementDocument s, float y) throws IOException {
        c.moveTo(370, HEIGHT - y + 10);
        c.lineTo(562, HEIGHT - y + 10);
        c.stroke();
        text(c, BOLD, 10, 370, y + 4, "Amount due");
        right(c, 10, COLUMNS[5] + 50, y + 4, "$" + money(s.amountDue()));
        text(c, REGULAR, 9, 370, y + 18, "Due by " + date(s.dueDate()));
    }

    private static void stub(PDPageContentStream c, StatementDocument s) throws IOException {
        float top = 640;
        c.setLineDashPattern(new float[] {3, 3}, 0);
        c.moveTo(36, HEIGHT - top);
        c.lineTo(576, HEIGHT - top);
        c.stroke();
        c.setLineDashPattern(new float[] {}, 0);
        text(c, REGULAR, 8, 50, top + 12, "Please detach and return this part with your payment.");
        text(c, BOLD, 10, 50, top + 32, s.patientName());
        text(c, REGULAR, 9, 50, top + 46, "Account: " + s.accountId());
        text(c, REGULAR, 9, 50, top + 60, "Statement date: " + date(s.statementDate()));
        text(c, BOLD, 10, 380, top + 32, "Amount due: $" + money(s.amountDue()));
        text(c, REGULAR, 9, 380, top + 46, "Due by: " + date(s.dueDate()));
        text(c, REGULAR, 9, 380, top + 60, "Amount enclosed: $ ____________");
    }

    private static void wrap(PDPageContentStream c, String text, float x, float y, int width) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                text(c, REGULAR, 10, x, y, line.toString());
                y += 13;
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            text(c, REGULAR, 10, x, y, line.toString());
        }
    }

    private static void right(PDPageContentStream c, float size, float xRight, float y, String value) throws IOException {
        float width = REGULAR.getStringWidth(printable(value)) / 1000 * size;
        text(c, REGULAR, size, xRight - width, y, value);
    }

    private static void text(PDPageContentStream c, PDType1Font font, float size, float x, float yFromTop, String value)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, HEIGHT - yFromTop);
        c.showText(printable(value == null ? "" : value));
        c.endText();
    }

    private static String fit(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max - 1) + ".";
    }

    /** The standard fonts draw Latin-1 only: accents are taken off, anything else becomes '?'. */
    static String printable(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        for (char ch : plain.toCharArray()) {
            out.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return out.toString();
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
