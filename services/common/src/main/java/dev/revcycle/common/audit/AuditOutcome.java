package dev.revcycle.common.audit;

public enum AuditOutcome {
    SUCCESS, DENIED
}
