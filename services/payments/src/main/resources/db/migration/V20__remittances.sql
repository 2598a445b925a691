-- 835 ERA posting: one row per posted 835 transaction (its identity is the payer's TRN03 with the trace
-- number TRN02: inserted first in the posting transaction, so the same file twice, or concurrently, posts once),
-- one row per CLP with its result, the unapplied-cash queue and the provider-level (PLB) books.
-- practice_id '' = a mailbox file whose claims matched no practice (visible to admins only).

CREATE TABLE remittance (
    id               UUID PRIMARY KEY,
    practice_id      TEXT NOT NULL,
    payer_id         TEXT NOT NULL,
    trace_number     TEXT NOT NULL,
    payer_name       TEXT NOT NULL,
    payment_amount   NUMERIC(14, 2) NOT NULL,
    payment_date     DATE NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('API', 'MAILBOX')),
    source_reference TEXT,
    received_by      TEXT NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    -- the answer as first given (a replay answers it again); NULL only inside the posting transaction
    answer           JSONB,
    UNIQUE (payer_id, trace_number)
);

CREATE TABLE remittance_claim (
    remittance_id              UUID NOT NULL REFERENCES remittance (id),
    position                   INTEGER NOT NULL,
    patient_control_number     TEXT NOT NULL,
    payer_claim_control_number TEXT,
    status_code                TEXT NOT NULL,
    claim_id                   UUID,
    account_id                 UUID,
    outcome                    TEXT NOT NULL CHECK (outcome IN ('POSTED', 'DENIED', 'REVERSED', 'NOT_POSTED', 'UNMATCHED', 'APPLIED')),
    unapplied_id               UUID,
    result                     JSONB NOT NULL,
    PRIMARY KEY (remittance_id, position)
);
CREATE INDEX remittance_claim_claim ON remittance_claim (claim_id) WHERE claim_id IS NOT NULL;

-- Money of claims that matched no claim of ours (or could not be posted automatically): never dropped.
CREATE TABLE unapplied_cash (
    id                         UUID PRIMARY KEY,
    remittance_id              UUID NOT NULL REFERENCES remittance (id),
    position                   INTEGER NOT NULL,
    practice_id                TEXT NOT NULL,
    payer_id                   TEXT NOT NULL,
    payer_name                 TEXT NOT NULL,
    trace_number               TEXT NOT NULL,
    amount                     NUMERIC(14, 2) NOT NULL,
    patient_control_number     TEXT NOT NULL,
    payer_claim_control_number TEXT,
    status_code                TEXT NOT NULL,
    reason                     TEXT NOT NULL,
    paid_date                  DATE NOT NULL,
    -- the CLP loop as read, posted as that claim's remittance when applied
    clp                        JSONB NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    applied_at                 TIMESTAMPTZ,
    applied_by                 TEXT,
    applied_account_id         UUID,
    applied_claim_id           UUID,
    UNIQUE (remittance_id, position)
);
CREATE INDEX unapplied_cash_open ON unapplied_cash (practice_id, created_at, id) WHERE applied_at IS NULL;
CREATE INDEX unapplied_cash_trace ON unapplied_cash (practice_id, trace_number, payer_id, created_at, id) WHERE applied_at IS NULL;
CREATE INDEX unapplied_cash_payer ON unapplied_cash (practice_id, payer_id, created_at, id) WHERE applied_at IS NULL;

-- The practice's provider-level books: PLB adjustments, signed as in the 835 (positive = withheld from the
-- practice: WO recoupment, FB forward balance; negative = paid to it: L6 interest). Not any patient's A/R.
CREATE TABLE plb_entry (
    id               UUID PRIMARY KEY,
    remittance_id    UUID NOT NULL REFERENCES remittance (id),
    practice_id      TEXT NOT NULL,
    provider_id      TEXT NOT NULL,
    fiscal_period    DATE,
    reason_code      TEXT NOT NULL,
    reference        TEXT,
    amount           NUMERIC(14, 2) NOT NULL,
    effective_date   DATE NOT NULL,
    posted_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX plb_entry_practice_date ON plb_entry (practice_id, effective_date);
CREATE INDEX plb_entry_remittance ON plb_entry (remittance_id);
