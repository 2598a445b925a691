package dev.revcycle.claims.x12;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a 999 (005010X231A1). The envelope is read leniently: a wrong IEA02 or SE01 is a warning, as
 * partners' files often carry one while their verdicts are sound. What cannot be read — no AK1, an AK2
 * without IK5, no AK9 — is an {@link AcknowledgementException} naming the segment and its position.
 */
public final class Ack999Reader {

    private static final Map<String, String> IK5 = Map.ofEntries(
            Map.entry("1", "transaction set not supported"),
            Map.entry("2", "transaction set trailer missing"),
            Map.entry("3", "transaction set control number in header and trailer do not match"),
            Map.entry("4", "number of included segments does not match actual count"),
            Map.entry("5", "one or more segments in error"),
            Map.entry("6", "missing or invalid transaction set identifier"),
            Map.entry("7", "missing or invalid transaction set control number"),
            Map.entry("23", "transaction set control number not unique within the functional group"),
            Map.entry("I5", "implementation one or more segments in error"),
            Map.entry("I6", "implementation convention not supported"));

    private static final Map<String, String> IK3 = Map.ofEntries(
            Map.entry("1", "unrecognized segment"),
            Map.entry("2", "unexpected segment"),
            Map.entry("3", "required segment missing"),
            Map.entry("4", "loop occurs over maximum times"),
            Map.entry("5", "segment exceeds maximum use"),
            Map.entry("6", "segment not in defined transaction set"),
            Map.entry("7", "segment not in proper sequence"),
            Map.entry("8", "segment has data element errors"),
            Map.entry("I4", "implementation 'not used' segment present"),
            Map.entry("I6", "implementation dependent segment missing"),
            Map.entry("I7", "implementation loop occurs under minimum times"),
            Map.entry("I8", "implementation segment below minimum use"),
            Map.entry("I9", "implementation dependent 'not used' segment present"));

    private static final Map<String, String> IK4 = Map.ofEntries(
            Map.entry("1", "required data element missing"),
            Map.entry("2", "conditional required data element missing"),
            Map.entry("3", "too many data elements"),
            Map.entry("4", "data element too short"),
            Map.entry("5", "data element too long"),
            Map.entry("6", "invalid character in data element"),
            Map.entry("7", "invalid code value"),
            Map.entry("8", "invalid date"),
            Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"),
            Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"),
            Map.entry("I10", "implementation 'not used' data element present"),
            Map.entry("I11", "implementation too few repetitions"),
            Map.entry("I12", "implementation pattern match failure"),
            Map.entry("I13", "implementation dependent 'not used' data element present"),
            Map.entry("I6", "code value not used in implementation"),
            Map.entry("I9", "implementation dependent data element missing"));

    public Ack999 read(Interchange interchange) throws AcknowledgementException {
        List<Ack999.Group> groups = new ArrayList<>();
        for (TransactionSet set : interchange.transactions()) {
            if (!"999".equals(set.type())) {
                throw new AcknowledgementException("transaction " + set.type() + " is not a 999");
            }
            groups.add(group(set));
        }
        if (groups.isEmpty()) {
            throw new AcknowledgementException("the 999 holds no transaction set");
        }
        return new Ack999(interchange.senderId(), interchange.controlNumber(), groups,
                interchange.warnings().stream().map(X12Problem::message).toList());
    }

    private static Ack999.Group group(TransactionSet set) throws AcknowledgementException {
        Segment ak1 = set.first("AK1").orElseThrow(() -> new AcknowledgementException("999 without AK1"));
        if (!ak1.has(2)) {
            throw new AcknowledgementException("AK102 (group control number) is missing" + at(ak1));
        }
        List<Ack999.Transaction> transactions = new ArrayList<>();
        Segment ak2 = null;
        List<Ack999.SegmentError> errors = new ArrayList<>();
        Segment ik3 = null;
        Segment ak9 = null;
        for (Segment segment : set.segments()) {
            switch (segment.id()) {
                case "AK2" -> {
                    if (ak2 != null) {
                        throw new AcknowledgementException("AK2 without IK5" + at(ak2));
                    }
                    ak2 = segment;
                    errors = new ArrayList<>();
                    ik3 = null;
                }
                case "IK3" -> {
                    if (ak2 == null) {
                        throw new AcknowledgementException("IK3 outside an AK2 loop" + at(segment));
                    }
                    ik3 = segment;
                    errors.add(new Ack999.SegmentError(segment.element(1), segment.element(2), segment.element(3),
                            segment.element(4), "", ""));
                }
                case "IK4" -> {
                    if (ik3 == null) {
                        throw new AcknowledgementException("IK4 without IK3" + at(segment));
                    }
                    Ack999.SegmentError last = errors.remove(errors.size() - 1);
                    errors.add(new Ack999.SegmentError(last.segmentId(), last.position(), last.loopId(), last.code(),
                            segment.component(1, 1), segment.element(3)));
                }
                case "IK5" -> {
                    if (ak2 == null) {
                        throw new AcknowledgementException("IK5 without AK2" + at(segment));
                    }
                    if (!segment.has(1)) {
                        throw new AcknowledgementException("IK501 (acknowledgment code) is missing" + at(segment));
                    }
                    transactions.add(new Ack999.Transaction(ak2.element(1), unpadded(ak2.element(2)),
                            segment.element(1), codes(segment, 2, 6), errors));
                    ak2 = null;
                    ik3 = null;
                }
                case "AK9" -> ak9 = segment;
                default -> {
                    // CTX and anything else: context only
                }
            }
        }
        if (ak2 != null) {
            throw new AcknowledgementException("AK2 without IK5" + at(ak2));
        }
        if (ak9 == null || !ak9.has(1)) {
            throw new AcknowledgementException("999 without AK9 (functional group response)");
        }
        return new Ack999.Group(ak1.element(1), unpadded(ak1.element(2)), ak1.element(3), ak9.element(1),
                codes(ak9, 5, 9), transactions);
    }

    private static List<String> codes(Segment segment, int from, int to) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (segment.has(i)) {
                codes.add(segment.element(i));
            }
        }
        return codes;
    }

    private static String at(Segment segment) {
        return " (segment " + segment.position() + ", " + segment.id() + ")";
    }

    static String unpadded(String number) {
        String stripped = number == null ? "" : number.trim().replaceFirst("^0+(?=.)", "");
        return stripped;
    }

    static String ik5Reason(String code) {
        return IK5.getOrDefault(code, "code " + code);
    }

    static String ik3Reason(String code) {
        return IK3.getOrDefault(code, "error " + code);
    }

    static String ik4Reason(String code) {
        return IK4.getOrDefault(code, "error " + code);
    }
}
