package dev.revcycle.sandbox.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * The interchange split into segments by its own delimiters, without any validation: what a 999 needs to
 * acknowledge even an interchange the reader refuses (ISA06/ISA13, GS06/GS08, each ST's control number and
 * position). Positions count non-empty segments from 1 (the ISA), as {@link dev.revcycle.x12.X12Reader} does.
 */
final class RawInterchange {

    /** One ST … SE, by interchange positions. */
    record RawTransaction(int stPosition, int sePosition, String type, String controlNumber, String guide) {
    }

    private final List<String[]> segments;
    private final List<RawTransaction> transactions = new ArrayList<>();
    private String[] gs;

    private RawInterchange(List<String[]> segments) {
        this.segments = segments;
        int st = 0;
        String[] stSegment = null;
        for (int i = 0; i < segments.size(); i++) {
            String[] segment = segments.get(i);
            switch (segment[0]) {
                case "GS" -> {
                    if (gs == null) {
                        gs = segment;
                    }
                }
                case "ST" -> {
                    st = i + 1;
                    stSegment = segment;
                }
                case "SE" -> {
                    if (stSegment != null) {
                        transactions.add(new RawTransaction(st, i + 1, get(stSegment, 1), get(stSegment, 2),
                                get(stSegment, 3).isEmpty() && gs != null ? get(gs, 8) : get(stSegment, 3)));
                        stSegment = null;
                    }
                }
                default -> {
                    // body segments
                }
            }
        }
        if (stSegment != null) {
            // A transaction cut off before its SE still gets acknowledged.
            transactions.add(new RawTransaction(st, Integer.MAX_VALUE, get(stSegment, 1), get(stSegment, 2),
                    get(stSegment, 3)));
        }
    }

    static RawInterchange of(String text) throws NotAnInterchangeException {
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (!text.startsWith("ISA", start) || text.length() - start < 106) {
            throw new NotAnInterchangeException("the body does not start with an ISA interchange header");
        }
        char element = text.charAt(start + 3);
        char terminator = text.charAt(start + 105);
        if (Character.isLetterOrDigit(element) || Character.isLetterOrDigit(terminator) || element == terminator) {
            throw new NotAnInterchangeException("the ISA header's delimiters cannot be read (segment 1, ISA)");
        }
        List<String[]> segments = new ArrayList<>();
        int from = start;
        while (from < text.length()) {
            int end = text.indexOf(terminator, from);
            if (end < 0) {
                end = text.length();
            }
            String segment = text.substring(from, end).strip();
            from = end + 1;
            if (!segment.isEmpty()) {
                segments.add(segment.split(java.util.regex.Pattern.quote(String.valueOf(element)), -1));
            }
        }
        RawInterchange raw = new RawInterchange(segments);
        if (raw.get(segments.get(0), 6).strip().isEmpty()) {
            throw new NotAnInterchangeException("the ISA header has no sender id (segment 1, ISA06)");
        }
        if (raw.gs == null || raw.transactions.isEmpty()) {
            throw new NotAnInterchangeException("the interchange holds no functional group with a transaction");
        }
        return raw;
    }

    void checkTypes() throws NotAnInterchangeException {
        for (RawTransaction t : transactions) {
            if (!"837".equals(t.type())) {
                throw new NotAnInterchangeException("a transaction of the interchange is not an 837 (ST01); "
                        + "only 837 claims are taken here");
            }
        }
    }

    List<RawTransaction> transactions() {
        return transactions;
    }

    RawTransaction transactionAt(int position) {
        for (RawTransaction t : transactions) {
            if (position >= t.stPosition() && position <= t.sePosition()) {
                return t;
            }
        }
        return null;
    }

    /** The segment identifier at a position, made fit for IK301 (2–3 upper-case letters or digits). */
    String segmentIdAt(int position) {
        if (position < 1 || position > segments.size()) {
            return "ZZ";
        }
        String id = segments.get(position - 1)[0].toUpperCase().replaceAll("[^A-Z0-9]", "");
        if (id.length() > 3) {
            id = id.substring(0, 3);
        }
        return id.length() < 2 ? "ZZ" : id;
    }

    /** The 1-based list of segments, each split into elements (index 0 = the identifier). */
    List<String[]> segments() {
        return segments;
    }

    String senderQualifier() {
        return get(segments.get(0), 5).strip();
    }

    String senderId() {
        return get(segments.get(0), 6).strip();
    }

    String controlNumber() {
        return get(segments.get(0), 13).strip();
    }

    String usage() {
        return get(segments.get(0), 15).strip();
    }

    String applicationSender() {
        return get(gs, 2);
    }

    String groupControlNumber() {
        return get(gs, 6);
    }

    String groupVersion() {
        return get(gs, 8);
    }

    private static String get(String[] segment, int position) {
        return position < segment.length ? segment[position] : "";
    }
}
