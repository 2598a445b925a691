package dev.revcycle.x12;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One X12 segment: its identifier and its elements, numbered from 1 as in the implementation guides
 * ({@code element(3)} of {@code NM1*IL*1*DOE} is {@code DOE}).
 *
 * <p>The same type is what {@link X12Reader} returns and what {@link X12Writer} takes, so a segment read
 * can be written back. Each element position holds one or more repetitions; most callers only need
 * {@link #element(int)} and {@link #component(int, int)}, which look at the first repetition.
 */
public final class Segment {

    /** X12 segment identifiers are two or three upper-case letters or digits, starting with a letter. */
    static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{1,2}");

    private final String id;
    private final int position;
    private final List<List<Element>> elements;

    Segment(String id, int position, List<List<Element>> elements) {
        this.id = Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an X12 segment identifier");
        }
        this.position = position;
        List<List<Element>> copy = new ArrayList<>(elements.size());
        for (List<Element> repetitions : elements) {
            copy.add(List.copyOf(repetitions.isEmpty() ? List.of(Element.EMPTY) : repetitions));
        }
        // Trailing empty elements carry no meaning in X12; dropping them makes segments read from
        // "NM1*IL*1~" and "NM1*IL*1**~" equal.
        while (!copy.isEmpty() && copy.get(copy.size() - 1).stream().allMatch(Element::isEmpty)) {
            copy.remove(copy.size() - 1);
        }
        this.elements = List.copyOf(copy);
    }

    /** A segment of simple elements, for writing: {@code Segment.of("EQ", "30")}. Null means empty. */
    public static Segment of(String id, String... elements) {
        Builder builder = builder(id);
        Arrays.stream(elements).forEach(builder::element);
        return builder.build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    /** 1-based position of the segment in the interchange it was read from (ISA is 1); 0 for a segment built in code. */
    public int position() {
        return position;
    }

    /** Number of element positions up to the last non-empty one. */
    public int elementCount() {
        return elements.size();
    }

    /** The value at a 1-based element position (first repetition, first component); "" when absent. */
    public String element(int position) {
        return first(position).value();
    }

    /** A component of a composite element, both positions 1-based; "" when absent. */
    public String component(int elementPosition, int componentPosition) {
        return first(elementPosition).component(componentPosition);
    }

    /** True when the element at this position has any content. */
    public boolean has(int position) {
        return !first(position).isEmpty();
    }

    /** All repetitions of the element at a 1-based position; one empty element when absent. */
    public List<Element> repetitions(int position) {
        checkPosition(position);
        return position <= elements.size() ? elements.get(position - 1) : List.of(Element.EMPTY);
    }

    /** The element positions in order, each with its repetitions; used by the writer. */
    List<List<Element>> elements() {
        return elements;
    }

    private Element first(int position) {
        return repetitions(position).get(0);
    }

    private static void checkPosition(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("element positions start at 1");
        }
    }

    @Override
    public boolean equals(Object other) {
        // Position is where it was read, not what it says: two segments with the same content are equal.
        return other instanceof Segment that && id.equals(that.id) && elements.equals(that.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, elements);
    }

    /** Identifier, position and size only — element values can be PHI and must not reach a log. */
    @Override
    public String toString() {
        return id + " segment" + (position > 0 ? " at position " + position : "") + " (" + elements.size() + " elements)";
    }

    /** Builds a segment element by element, for composites and repetitions. */
    public static final class Builder {
        private final String id;
        private final List<List<Element>> elements = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        /** Adds a simple element; null or "" leaves the position empty. */
        public Builder element(String value) {
            elements.add(List.of(Element.of(value)));
            return this;
        }

        /** Adds a composite element, e.g. {@code composite("HC", "99213")} for SV101. */
        public Builder composite(String... components) {
            elements.add(List.of(Element.composite(components)));
            return this;
        }

        /** Adds an element with several repetitions (5010 repetition separator). */
        public Builder repeated(Element... repetitions) {
            elements.add(List.of(repetitions));
            return this;
        }

        public Segment build() {
            return new Segment(id, 0, elements);
        }
    }
}
