-- Shared by every service (from revcycle-common): the transactional outbox and the consumer inbox.

-- An event waits here, written in the same transaction as the change it reports, until the relay
-- has handed it to Kafka (published_at set). seq keeps the order of writing.
CREATE TABLE outbox_event (
    id            UUID PRIMARY KEY,
    seq           BIGSERIAL NOT NULL UNIQUE,
    topic         TEXT NOT NULL,
    message_key   TEXT NOT NULL,
    event_type    TEXT NOT NULL,
    payload       TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- One row per event a consumer has applied, written in the same transaction as its effect:
-- a redelivered event finds its row and has no second effect.
CREATE TABLE inbox_event (
    consumer     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
