package dev.revcycle.x12;

import java.util.Map;

/**
 * Elements the X12 5010 base standard marks mandatory (requirement designator M), for the segments
 * revcycle reads. These hold in every transaction and implementation guide, so a generic reader can
 * refuse a segment without them; what an implementation guide additionally requires is the business of
 * the reader of that transaction. Kept deliberately short: only entries checked against the standard.
 */
final class MandatoryElements {

    private static final Map<String, int[]> MANDATORY = Map.ofEntries(
            Map.entry("AAA", new int[] {1}),
            Map.entry("AK1", new int[] {1, 2}),
            Map.entry("AK2", new int[] {1, 2}),
            Map.entry("AK9", new int[] {1, 2, 3, 4}),
            Map.entry("AMT", new int[] {1, 2}),
            Map.entry("BHT", new int[] {1, 2}),
            Map.entry("BPR", new int[] {1, 2, 3, 4}),
            Map.entry("CAS", new int[] {1, 2, 3}),
            Map.entry("CLM", new int[] {1, 2, 5}),
            Map.entry("CLP", new int[] {1, 2, 3, 4}),
            Map.entry("DTP", new int[] {1, 2, 3}),
            Map.entry("EB", new int[] {1}),
            Map.entry("HI", new int[] {1}),
            Map.entry("HL", new int[] {1, 3}),
            Map.entry("IK5", new int[] {1}),
            Map.entry("LE", new int[] {1}),
            Map.entry("LS", new int[] {1}),
            Map.entry("LX", new int[] {1}),
            Map.entry("N3", new int[] {1}),
            Map.entry("NM1", new int[] {1, 2}),
            Map.entry("PER", new int[] {1}),
            Map.entry("QTY", new int[] {1}),
            Map.entry("REF", new int[] {1}),
            Map.entry("SBR", new int[] {1}),
            Map.entry("STC", new int[] {1}),
            Map.entry("SVC", new int[] {1, 2}),
            Map.entry("TRN", new int[] {1, 2}));

    private MandatoryElements() {
    }

    /** The first mandatory element position that is empty in this segment, or 0 when none is. */
    static int firstMissing(Segment segment) {
        int[] positions = MANDATORY.get(segment.id());
        if (positions != null) {
            for (int position : positions) {
                if (!segment.has(position)) {
                    return position;
                }
            }
        }
        return 0;
    }
}
