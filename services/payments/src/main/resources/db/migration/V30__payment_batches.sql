-- Lockbox files (POST /payment-batches): one row per file received, one per line with its outcome.
-- A line's key is the bank's reference of the item (lockbox, deposit date, batch, item): unique among the
-- POSTED lines of a practice, so the same item in a second file (or twice in one) is answered as a duplicate
-- of the first payment and never posted again. DUPLICATE and REJECTED lines are kept as the bank sent them, for
-- the poster. No foreign key to account or payment: the line's row is history, not a part of the ledger, and a
-- referencing insert would take share locks on account rows beside the posting's own update locks.

CREATE TABLE payment_batch (
    id             UUID PRIMARY KEY,
    practice_id    TEXT NOT NULL,
    file_sha256    TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('PROCESSING', 'COMPLETE')),
    items          INTEGER NOT NULL,
    total_amount   NUMERIC(14, 2) NOT NULL,
    posted         INTEGER NOT NULL DEFAULT 0,
    duplicates     INTEGER NOT NULL DEFAULT 0,
    rejected       INTEGER NOT NULL DEFAULT 0,
    posted_amount  NUMERIC(14, 2) NOT NULL DEFAULT 0,
    received_at    TIMESTAMPTZ NOT NULL,
    completed_at   TIMESTAMPTZ,
    actor          TEXT NOT NULL
);

CREATE TABLE payment_batch_line (
    batch_id                UUID NOT NULL REFERENCES payment_batch (id),
    line_number             INTEGER NOT NULL,
    practice_id             TEXT NOT NULL,
    lockbox                 TEXT NOT NULL,
    deposit_date            DATE NOT NULL,
    bank_batch_id           TEXT NOT NULL,
    item_id                 TEXT NOT NULL,
    amount                  NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    -- as the file gave them
    file_account_id         UUID,
    file_patient_id         UUID,
    patient_control_number  TEXT,
    check_number            TEXT,
    payer_name              TEXT,
    outcome                 TEXT NOT NULL CHECK (outcome IN ('POSTED', 'DUPLICATE', 'REJECTED')),
    -- the account posted to (POSTED) or found (DUPLICATE)
    account_id              UUID,
    -- POSTED: this line's payment; DUPLICATE: the payment the item was posted as before
    payment_id              UUID,
    applied                 NUMERIC(14, 2),
    recovered               NUMERIC(14, 2),
    credited                NUMERIC(14, 2),
    reason_code             TEXT,
    reason                  TEXT,
    PRIMARY KEY (batch_id, line_number)
);
CREATE UNIQUE INDEX payment_batch_line_item ON payment_batch_line (practice_id, lockbox, deposit_date, bank_batch_id, item_id)
    WHERE outcome = 'POSTED';
CREATE INDEX payment_batch_line_outcome ON payment_batch_line (batch_id, outcome, line_number);
