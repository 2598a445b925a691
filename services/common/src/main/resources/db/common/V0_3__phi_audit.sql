-- Append-only record of every read or change of PHI: who, what, when, outcome.
CREATE TABLE phi_audit_event (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    resource_type  TEXT NOT NULL,
    resource_id    UUID NOT NULL,
    practice_id    TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED')),
    request_id     TEXT
);
CREATE INDEX phi_audit_event_resource ON phi_audit_event (resource_id, occurred_at);

-- Nobody, not even the service's own role that owns the table, may change or remove a row.
CREATE FUNCTION phi_audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'phi_audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER phi_audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON phi_audit_event
    FOR EACH ROW EXECUTE FUNCTION phi_audit_event_is_append_only();
CREATE TRIGGER phi_audit_event_no_truncate
    BEFORE TRUNCATE ON phi_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION phi_audit_event_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON phi_audit_event FROM CURRENT_USER;
