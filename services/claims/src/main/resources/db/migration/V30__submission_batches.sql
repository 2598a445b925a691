-- Submission batches (837 files) and the acknowledgement files applied to them (H3's migrations, V30–V39).
-- Claim ids are not foreign keys here: the claims table is the claims core's; its ids are UUIDs.

-- ISA13 and GS06 of every 837 we write: one number each, never reused (1 to 999999999, then around again).
CREATE SEQUENCE x12_control_number MINVALUE 1 MAXVALUE 999999999 CYCLE;

CREATE TABLE submission_batch (
    id                 UUID PRIMARY KEY,
    practice_id        TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    interchange_number BIGINT NOT NULL,
    x12                TEXT NOT NULL,
    claim_count        INT NOT NULL,
    total_charge       NUMERIC(14, 2) NOT NULL,
    failure            TEXT,
    clearinghouse_file_ids TEXT[] NOT NULL DEFAULT '{}',
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ,
    version            BIGINT NOT NULL
);
CREATE INDEX submission_batch_practice ON submission_batch (practice_id, created_at DESC);

-- One row per 837 transaction set of a batch: the 999 names it by GS06 (AK102) and ST02 (AK202).
CREATE TABLE submission_batch_transaction (
    batch_id           UUID NOT NULL REFERENCES submission_batch (id),
    group_number       BIGINT NOT NULL,
    transaction_number TEXT NOT NULL,
    claim_type         TEXT NOT NULL,
    PRIMARY KEY (batch_id, group_number, transaction_number)
);
CREATE INDEX submission_batch_transaction_group ON submission_batch_transaction (group_number);

CREATE TABLE submission_batch_claim (
    batch_id           UUID NOT NULL REFERENCES submission_batch (id),
    claim_id           UUID NOT NULL,
    group_number       BIGINT NOT NULL,
    transaction_number TEXT NOT NULL,
    position           INT NOT NULL,
    PRIMARY KEY (batch_id, claim_id)
);
CREATE INDEX submission_batch_claim_claim ON submission_batch_claim (claim_id);
-- a 999 names the group (GS06): its claims in transaction and file order
CREATE INDEX submission_batch_claim_group ON submission_batch_claim (group_number, transaction_number, position);

-- Acknowledgement files applied (POST /acknowledgements or the mailbox): the same file twice changes nothing.
CREATE TABLE acknowledgement_file (
    digest             TEXT PRIMARY KEY,           -- SHA-256 of the file's text, hex
    file_type          TEXT NOT NULL,              -- 999 or 277CA
    sender_id          TEXT NOT NULL,
    interchange_number TEXT NOT NULL,              -- ISA13
    source             TEXT NOT NULL,              -- api or mailbox
    decisions          INT NOT NULL,
    unmatched          TEXT[] NOT NULL DEFAULT '{}',
    received_by        TEXT NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL
);
