package dev.revcycle.x12;

import java.util.List;

/**
 * One occurrence of a data element: a simple element has one component, a composite several.
 * Components are 1-based, like the X12 reference designators ({@code SV101-2}).
 */
public record Element(List<String> components) {

    static final Element EMPTY = new Element(List.of(""));

    public Element {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("an element has at least one component");
        }
    }

    public static Element of(String value) {
        return new Element(List.of(value == null ? "" : value));
    }

    public static Element composite(String... components) {
        return new Element(List.of(components));
    }

    /** The value of a simple element, or the first component of a composite. */
    public String value() {
        return components.get(0);
    }

    /** The component at a 1-based position, or "" when the element has fewer. */
    public String component(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("component positions start at 1");
        }
        return position <= components.size() ? components.get(position - 1) : "";
    }

    public boolean isComposite() {
        return components.size() > 1;
    }

    public boolean isEmpty() {
        return components.stream().allMatch(String::isEmpty);
    }

    /** Never the value: element content can be PHI. */
    @Override
    public String toString() {
        return "Element[" + components.size() + " component(s)]";
    }
}
