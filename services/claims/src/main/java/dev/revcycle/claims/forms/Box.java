package dev.revcycle.claims.forms;

/**
 * One box of a paper claim form: its number as printed on the form ("2", "24D", "FL42"), the label,
 * and where it sits on a US Letter page in points from the top-left corner (612 × 792).
 */
public record Box(String id, String label, float x, float y, float width, float height) {
}
