-- Idempotency-Key records: the first request with a key runs; a retry with the same key and body
-- gets the stored response; a different body is refused (422); a retry while it runs gets 409.
CREATE TABLE idempotency_record (
    scope            TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    request_hash     TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status  INTEGER,
    response_body    TEXT,
    response_location TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    PRIMARY KEY (scope, idempotency_key)
);
