package dev.revcycle.x12;

/**
 * One thing wrong with an interchange, located by segment position and identifier — never by content,
 * because element values can be PHI.
 *
 * @param kind            what is wrong
 * @param segmentPosition 1-based position of the segment in the interchange (ISA = 1), 0 when unknown
 * @param segmentId       the segment identifier, or "" when it could not be read
 * @param elementPosition 1-based element position, 0 when the problem is the whole segment
 * @param message         a readable sentence built only from the fields above and counts
 */
public record X12Problem(Kind kind, int segmentPosition, String segmentId, int elementPosition, String message) {

    public enum Kind {
        /** The input does not start with an ISA segment. */
        NO_INTERCHANGE_HEADER,
        /** A segment identifier that is not two or three upper-case letters or digits. */
        INVALID_SEGMENT_ID,
        /** Text that cannot be split into segments and elements (wrong delimiters, truncated input). */
        SYNTAX,
        /** A segment outside the ISA/GS/ST nesting, or an envelope segment where it cannot be. */
        UNEXPECTED_SEGMENT,
        /** An element the X12 base standard marks mandatory is empty. */
        MANDATORY_ELEMENT_MISSING,
        /** SE01, GE01 or IEA01 does not match what was counted. */
        COUNT_MISMATCH,
        /** SE02, GE02 or IEA02 does not repeat ST02, GS06 or ISA13. */
        CONTROL_NUMBER_MISMATCH,
        /** An envelope element (ISA, GS, ST …) that is too long, too short, of the wrong type or an unknown code. */
        INVALID_ENVELOPE_ELEMENT
    }

    public static X12Problem at(Kind kind, int segmentPosition, String segmentId, int elementPosition, String what) {
        StringBuilder message = new StringBuilder(what);
        if (segmentPosition > 0 || !segmentId.isEmpty()) {
            message.append(" (segment ");
            if (segmentPosition > 0) {
                message.append(segmentPosition);
            }
            if (!segmentId.isEmpty()) {
                message.append(segmentPosition > 0 ? ", " : "").append(segmentId);
                if (elementPosition > 0) {
                    message.append(String.format("%02d", elementPosition));
                }
            }
            message.append(')');
        }
        return new X12Problem(kind, segmentPosition, segmentId, elementPosition, message.toString());
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
