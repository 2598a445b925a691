-- A read model of each practice's providers, kept from claims' ProviderRegistered / ProviderChanged
-- (revcycle.claims.events.v1): what loop 2100B (NM1*1P) of a 270 needs of the practice's default
-- billing provider. One row per provider, written only by the inbox consumer, version-guarded:
-- applied_version is claims' version of the provider the row reflects, and an event not newer than it
-- changes nothing. changed_at is the time of that event (its CloudEvent time, set by claims' outbox in
-- the transaction that made the change): events of two providers travel under two keys, so the old
-- default's "no longer default" and the new default's event can arrive in either order; while both are
-- marked, the one marked most recently is the practice's default (known_provider_default_billing).
CREATE TABLE known_provider (
    id               UUID PRIMARY KEY,
    practice_id      TEXT NOT NULL,
    npi              TEXT NOT NULL CHECK (npi ~ '^[0-9]{10}$'),
    name             TEXT NOT NULL CHECK (name <> ''),
    entity_type      TEXT NOT NULL CHECK (entity_type IN ('PERSON', 'ORGANIZATION')),
    default_billing  BOOLEAN NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL,
    applied_version  BIGINT NOT NULL CHECK (applied_version >= 1),
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The practice's default billing provider, per eligibility check: the few rows marked, newest first
CREATE INDEX known_provider_default_billing ON known_provider (practice_id, changed_at DESC, id) WHERE default_billing;
