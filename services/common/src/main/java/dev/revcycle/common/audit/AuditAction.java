package dev.revcycle.common.audit;

/** What was done to a record holding PHI. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, MERGE, MARK_DECEASED, MARK_ADDRESS_UNDELIVERABLE
}
