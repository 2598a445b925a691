package dev.revcycle.x12;

import java.util.List;
import java.util.Optional;

/**
 * One transaction set (ST … SE). {@link #segments()} holds the segments between ST and SE, in the order
 * they were read; ST and SE themselves are represented by the fields here.
 *
 * @param type             ST01, e.g. {@code 270}
 * @param controlNumber    ST02 as written (leading zeros kept)
 * @param implementationGuide ST03 when present, otherwise the group's GS08, e.g. {@code 005010X279A1}
 * @param segments         the body segments, ST and SE excluded
 */
public record TransactionSet(String type, String controlNumber, String implementationGuide, List<Segment> segments) {

    public TransactionSet {
        segments = List.copyOf(segments);
    }

    /** SE01 as it should be: the body plus ST and SE. */
    public int segmentCount() {
        return segments.size() + 2;
    }

    /** All segments with this identifier, in order. */
    public List<Segment> segments(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).toList();
    }

    /** The first segment with this identifier. */
    public Optional<Segment> first(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
