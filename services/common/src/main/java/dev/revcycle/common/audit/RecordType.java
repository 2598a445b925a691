package dev.revcycle.common.audit;

/**
 * A kind of record holding PHI: its name in the audit ({@code resource_type}, e.g. {@code patient})
 * and as a user calls it in a "not found" answer ({@code Patient}).
 */
public record RecordType(String auditName, String displayName) {
}
