package dev.revcycle.claims.forms;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.appeal.Appeal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The appeal letter to the payer, from one template with the claim's facts: the billing provider (name, NPI,
 * address), the date, the payer, the patient and member id, the patient control number and the payer's claim
 * number, the dates of service, the charge, what was paid and the amount in dispute, the adjustment codes of
 * the last remittance, the deadline, the reason and the biller's own letter text (or the template's
 * paragraph). Letter size, Helvetica, wrapped lines, as many pages as it takes. No SSN (claims has none).
 */
public final class AppealLetter {
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float SIZE = 11;
    private static final float LEADING = 15;
    private static final float MARGIN = 72;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

    private record Line(String text, boolean bold) {
    }

    private AppealLetter() {
    }

    public static byte[] render(Appeal appeal, BillableClaim billable, String payerClaimNumber, List<String> adjustmentCodes,
                                LocalDate today) {
        Claim claim = billable.claim();
        List<Line> lines = new ArrayList<>();
        var provider = billable.billingProvider();
        if (provider != null) {
            lines.add(new Line(provider.name(), true));
            lines.add(new Line("NPI " + provider.npi(), false));
            if (provider.address() != null) {
                for (String part : Forms.address(provider.address()).split("\n")) {
                    lines.add(new Line(part, false));
                }
            }
        }
        lines.add(new Line("", false));
        lines.add(new Line(Forms.date(today).replace(' ', '/'), false));
        lines.add(new Line("", false));
        String payer = billable.coverage() == null ? "" : billable.coverage().payerName();
        lines.add(new Line(payer, true));
        lines.add(new Line("Attn: Appeals / Provider Reconsideration", false));
        lines.add(new Line("", false));
        lines.add(new Line("Re: Request for reconsideration of claim " + claim.patientControlNumber(), true));
        lines.add(new Line("", false));
        if (billable.patient() != null) {
            lines.add(new Line("Patient: " + Forms.name(billable.patient().lastName(), billable.patient().firstName())
                    + "   Date of birth: " + Forms.date(billable.patient().dateOfBirth()).replace(' ', '/'), false));
        }
        if (billable.coverage() != null) {
            lines.add(new Line("Member ID: " + billable.coverage().memberId()
                    + (billable.coverage().groupNumber() == null ? "" : "   Group: " + billable.coverage().groupNumber()), false));
        }
        lines.add(new Line("Claim number (patient control number): " + claim.patientControlNumber(), false));
        if (payerClaimNumber != null) {
            lines.add(new Line("Payer claim number: " + payerClaimNumber, false));
        }
        lines.add(new Line("Dates of service: " + Forms.date(claim.firstServiceDate()).replace(' ', '/')
                + (claim.lastServiceDate() != null && !claim.lastServiceDate().equals(claim.firstServiceDate())
                ? " to " + Forms.date(claim.lastServiceDate()).replace(' ', '/') : ""), false));
        lines.add(new Line("Total charge: $" + Forms.money(appeal.charge()) + "   Paid: $" + Forms.money(appeal.paid())
                + (appeal.expected() == null ? "" : "   Expected: $" + Forms.money(appeal.expected()))
                + "   Amount in dispute: $" + Forms.money(appeal.disputed()), false));
        if (!adjustmentCodes.isEmpty()) {
            lines.add(new Line("Adjustment reason codes on the remittance: " + String.join(", ", adjustmentCodes), false));
        }
        lines.add(new Line("Appeal deadline: " + Forms.date(appeal.deadline()).replace(' ', '/'), false));
        lines.add(new Line("", false));
        lines.add(new Line("Reason for appeal:", true));
        wrap(appeal.reason(), lines);
        lines.add(new Line("", false));
        String body = appeal.letter() != null && !appeal.letter().isBlank() ? appeal.letter()
                : "We ask you to reconsider your determination on this claim for the reason above. The services were "
                  + "medically necessary and were billed as rendered. Please reprocess the claim and pay the amount in "
                  + "dispute, or tell us in writing what further information you need.";
        for (String paragraph : body.split("\\R")) {
            wrap(paragraph, lines);
        }
        lines.add(new Line("", false));
        lines.add(new Line("Sincerely,", false));
        lines.add(new Line("", false));
        lines.add(new Line("Billing office" + (provider == null ? "" : ", " + provider.name()), false));
        return draw(lines);
    }

    private static void wrap(String text, List<Line> lines) {
        String printable = Forms.printable(text == null ? "" : text);
        StringBuilder line = new StringBuilder();
        for (String word : printable.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate) > WIDTH && !line.isEmpty()) {
                lines.add(new Line(line.toString(), false));
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(new Line(line.toString(), false));
    }

    private static float width(String text) {
        try {
            return REGULAR.getStringWidth(text) / 1000 * SIZE;
        } catch (IOException e) {
            return text.length() * SIZE * 0.5f;
        }
    }

    private static byte[] draw(List<Line> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.LETTER.getHeight() - MARGIN;
                    for (Line line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.beginText();
                        content.setFont(line.bold() ? BOLD : REGULAR, SIZE);
                        content.newLineAtOffset(MARGIN, y);
                        content.showText(Forms.printable(line.text()));
                        content.endText();
                        y -= LEADING;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the appeal letter could not be drawn", e);
        }
    }
}
