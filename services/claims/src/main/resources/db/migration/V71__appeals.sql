-- Appeals of adjudicated claims (denied, partly paid, or paid less than expected): one row per appeal, at most
-- one OPEN per claim (the partial unique index is the database's own guard behind the claim's row lock).
CREATE TABLE appeal (
    id               UUID PRIMARY KEY,
    claim_id         UUID NOT NULL REFERENCES claim (id),
    practice_id      TEXT NOT NULL,
    payer_id         UUID NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('OPEN', 'OVERTURNED', 'UPHELD')),
    claim_status     TEXT NOT NULL,              -- the claim's status when it was appealed
    reason           TEXT NOT NULL,
    letter           TEXT,                       -- the biller's own letter text, when given (else the template's)
    charge           NUMERIC(12, 2) NOT NULL,
    paid             NUMERIC(12, 2) NOT NULL,
    expected         NUMERIC(12, 2),             -- a PAID claim's appeal: what the payer should have paid
    disputed         NUMERIC(12, 2) NOT NULL,    -- expected (or the charge) − paid
    adjudicated_on   DATE NOT NULL,              -- where the deadline counts from
    deadline_days    INTEGER NOT NULL,
    deadline         DATE NOT NULL,
    outcome_note     TEXT,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    filed_by         TEXT NOT NULL,
    filed_at         TIMESTAMPTZ NOT NULL,
    version          BIGINT NOT NULL
);
CREATE UNIQUE INDEX appeal_one_open_per_claim ON appeal (claim_id) WHERE status = 'OPEN';
CREATE INDEX appeal_open_by_deadline ON appeal (practice_id, deadline, id) WHERE status = 'OPEN';

-- How long a payer gives a practice to appeal, counted from the adjudication date (180 days when not set).
CREATE TABLE payer_appeal_deadline (
    practice_id TEXT NOT NULL,
    payer_id    UUID NOT NULL,
    days        INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650),
    updated_by  TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (practice_id, payer_id)
);
