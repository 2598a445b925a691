package dev.revcycle.claims.x12;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 277CA (005010X214): for each patient level (HL*…*PT, loop 2000D/2200D) the claim's TRN*2
 * (our patient control number), REF*1K (the payer's claim number), CLM total (STC04) and its claim-level
 * STC segments; line-level STCs (after an SVC, loop 2220D) are not the claim's verdict and are skipped.
 * An HL*PT without TRN*2, or without any STC, is an {@link AcknowledgementException}.
 */
public final class Ack277CAReader {

    public Ack277CA read(Interchange interchange) throws AcknowledgementException {
        List<Ack277CA.ClaimStatus> claims = new ArrayList<>();
        for (TransactionSet set : interchange.transactions()) {
            if (!"277".equals(set.type())) {
                throw new AcknowledgementException("transaction " + set.type() + " is not a 277");
            }
            readClaims(set, claims);
        }
        if (claims.isEmpty()) {
            throw new AcknowledgementException("the 277CA holds no claim (no HL with level code PT)");
        }
        return new Ack277CA(interchange.senderId(), interchange.controlNumber(), claims,
                interchange.warnings().stream().map(X12Problem::message).toList());
    }

    private static void readClaims(TransactionSet set, List<Ack277CA.ClaimStatus> claims) throws AcknowledgementException {
        Segment patientHl = null;
        String pcn = null;
        String payerClaim = null;
        BigDecimal total = null;
        List<Ack277CA.Status> statuses = new ArrayList<>();
        boolean inLine = false;
        for (Segment segment : set.segments()) {
            if (segment.id().equals("HL")) {
                if (patientHl != null) {
                    claims.add(finish(patientHl, pcn, payerClaim, total, statuses));
                }
                patientHl = "PT".equals(segment.element(3)) ? segment : null;
                pcn = null;
                payerClaim = null;
                total = null;
                statuses = new ArrayList<>();
                inLine = false;
                continue;
            }
            if (patientHl == null) {
                continue;
            }
            switch (segment.id()) {
                case "TRN" -> {
                    if ("2".equals(segment.element(1))) {
                        pcn = segment.element(2);
                    }
                }
                case "SVC" -> inLine = true;
                case "STC" -> {
                    if (!inLine) {
                        statuses.addAll(statuses(segment));
                        if (total == null && segment.has(4)) {
                            total = amount(segment.element(4));
                        }
                    }
                }
                case "REF" -> {
                    if (!inLine && "1K".equals(segment.element(1))) {
                        payerClaim = segment.element(2);
                    }
                }
                default -> {
                }
            }
        }
        if (patientHl != null) {
            claims.add(finish(patientHl, pcn, payerClaim, total, statuses));
        }
    }

    private static Ack277CA.ClaimStatus finish(Segment hl, String pcn, String payerClaim, BigDecimal total,
                                               List<Ack277CA.Status> statuses) throws AcknowledgementException {
        if (pcn == null || pcn.isEmpty()) {
            throw new AcknowledgementException("claim level without TRN*2 (patient control number)" + at(hl));
        }
        if (statuses.isEmpty()) {
            throw new AcknowledgementException("claim level without STC (claim status)" + at(hl));
        }
        return new Ack277CA.ClaimStatus(pcn, payerClaim == null || payerClaim.isEmpty() ? null : payerClaim, total,
                statuses);
    }

    /** STC01, and STC10 and STC11 when present: each category:status:entity. */
    static List<Ack277CA.Status> statuses(Segment stc) throws AcknowledgementException {
        List<Ack277CA.Status> out = new ArrayList<>();
        for (int position : new int[] {1, 10, 11}) {
            if (!stc.has(position)) {
                if (position == 1) {
                    throw new AcknowledgementException("STC01 (status information) is missing" + at(stc));
                }
                continue;
            }
            String category = stc.component(position, 1);
            String code = stc.component(position, 2);
            String entity = stc.component(position, 3);
            if (!category.matches("[A-Z][0-9A-Z]{1,2}")) { // R10–R16 have three characters
                throw new AcknowledgementException("STC" + String.format("%02d", position)
                        + " has no valid status category" + at(stc));
            }
            out.add(new Ack277CA.Status(category, code, entity, ClaimStatusCodes.describe(category, code, entity)));
        }
        return out;
    }

    private static BigDecimal amount(String value) {
        try {
            return new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String at(Segment segment) {
        return " (segment " + segment.position() + ", " + segment.id() + ")";
    }
}
