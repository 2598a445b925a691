package dev.revcycle.claims.scrub;

/**
 * One thing a rule found: the rule's stable id, the field's path in the claim (for example
 * {@code diagnoses[2]} or {@code lines[0].procedureCode}) and a message a billing representative
 * understands. Messages never repeat the claim's values (no PHI): the path says which field it is.
 */
public record Finding(String ruleId, Severity severity, String path, String message) {
}
