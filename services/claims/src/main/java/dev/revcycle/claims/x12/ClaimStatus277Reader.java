package dev.revcycle.claims.x12;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a payer's 277 claim status response (005010X212) for the claim we asked about: the claim level
 * (HL 22 subscriber or 23 dependent) whose {@code TRN*2} returns our trace number, its claim-level STCs
 * (line STCs after an SVC are skipped), {@code REF*1K}. Envelope counts are not held against the payer.
 * Anything unreadable is an {@link AcknowledgementException} naming a segment and position, never a value.
 */
public final class ClaimStatus277Reader {

    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public ClaimStatus277 read(String x12, String traceNumber) throws AcknowledgementException {
        Interchange interchange;
        try {
            interchange = X12Reader.lenient().read(x12 == null ? "" : x12);
        } catch (X12Exception e) {
            throw new AcknowledgementException("the 277 is not readable X12: " + e.getMessage());
        }
        boolean any = false;
        for (TransactionSet set : interchange.transactions()) {
            if (!"277".equals(set.type())) {
                throw new AcknowledgementException("transaction " + set.type() + " is not a 277");
            }
            any = true;
            ClaimStatus277 found = claim(set, traceNumber);
            if (found != null) {
                return found;
            }
        }
        throw new AcknowledgementException(any ? "the 277 does not answer this inquiry (no TRN*2 with our trace number)"
                : "the interchange holds no 277");
    }

    private static ClaimStatus277 claim(TransactionSet set, String traceNumber) throws AcknowledgementException {
        boolean claimLevel = false;
        boolean inLine = false;
        String trace = null;
        String payerClaim = null;
        List<Segment> stcs = new ArrayList<>();
        for (Segment segment : set.segments()) {
            switch (segment.id()) {
                case "HL" -> {
                    if (claimLevel && traceNumber.equals(trace)) {
                        return finish(trace, payerClaim, stcs);
                    }
                    String level = segment.element(3);
                    claimLevel = "22".equals(level) || "23".equals(level);
                    inLine = false;
                    trace = null;
                    payerClaim = null;
                    stcs = new ArrayList<>();
                }
                case "TRN" -> {
                    if (claimLevel && "2".equals(segment.element(1))) {
                        trace = segment.element(2);
                    }
                }
                case "SVC" -> inLine = true;
                case "STC" -> {
                    if (claimLevel && !inLine && trace != null) {
                        stcs.add(segment);
                    }
                }
                case "REF" -> {
                    if (claimLevel && !inLine && "1K".equals(segment.element(1))) {
                        payerClaim = segment.element(2);
                    }
                }
                default -> {
                }
            }
        }
        return claimLevel && traceNumber.equals(trace) ? finish(trace, payerClaim, stcs) : null;
    }

    private static ClaimStatus277 finish(String trace, String payerClaim, List<Segment> stcs) throws AcknowledgementException {
        if (stcs.isEmpty()) {
            throw new AcknowledgementException("the claim's level has no STC (claim status)");
        }
        List<Ack277CA.Status> statuses = new ArrayList<>();
        for (Segment stc : stcs) {
            statuses.addAll(Ack277CAReader.statuses(stc));
        }
        Segment first = stcs.get(0);
        return new ClaimStatus277(trace, blankToNull(payerClaim), statuses, date(first, 2), amount(first, 4),
                amount(first, 5), date(first, 6), date(first, 8), first.has(9) ? first.element(9) : null);
    }

    private static LocalDate date(Segment stc, int position) throws AcknowledgementException {
        if (!stc.has(position)) {
            return null;
        }
        try {
            return LocalDate.parse(stc.element(position), CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw new AcknowledgementException("STC" + String.format("%02d", position) + " is not a date" + Ack277CAReader.at(stc));
        }
    }

    private static BigDecimal amount(Segment stc, int position) throws AcknowledgementException {
        if (!stc.has(position)) {
            return null;
        }
        try {
            return new BigDecimal(stc.element(position)).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new AcknowledgementException("STC" + String.format("%02d", position) + " is not an amount" + Ack277CAReader.at(stc));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

}
