package dev.revcycle.x12;

import java.util.List;

/**
 * An interchange as read: the ISA envelope, its groups, and what was wrong with the envelope when the
 * reader was lenient.
 *
 * @param senderQualifier   ISA05
 * @param senderId          ISA06, trailing padding removed
 * @param receiverQualifier ISA07
 * @param receiverId        ISA08, trailing padding removed
 * @param version           ISA12, e.g. {@code 00501}
 * @param controlNumber     ISA13 as written (nine digits)
 * @param acknowledgmentRequested ISA14 = 1
 * @param usage             ISA15, null when not T, P or I
 * @param delimiters        the separators this interchange was written with
 * @param acknowledgments   the TA1 segments (interchange acknowledgements) between ISA and the groups, in order
 * @param warnings          envelope problems a lenient reader let through (always empty from a strict reader)
 */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String version, String controlNumber, boolean acknowledgmentRequested, UsageIndicator usage,
        Delimiters delimiters, List<FunctionalGroup> groups, List<Segment> acknowledgments, List<X12Problem> warnings) {

    public Interchange {
        groups = List.copyOf(groups);
        acknowledgments = List.copyOf(acknowledgments);
        warnings = List.copyOf(warnings);
    }

    /** Every transaction of every group, in order. */
    public List<TransactionSet> transactions() {
        return groups.stream().flatMap(g -> g.transactions().stream()).toList();
    }
}
