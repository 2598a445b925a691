-- Claims part 2: what each payer said about a claim, from payments' RemittancePosted (one per CLP of an 835).
-- Rows are kept, never updated: a reversal (CLP02 22) is a new row, and the claim's latest row is its
-- current adjudication. Part 2's migrations: V61–V64 adjudication and denials, V65–V69 secondary claims,
-- corrections and voids, V70–V74 status inquiries, appeals and filing limits, V75–V79 charge masters,
-- fee schedules, underpayments and estimates.
CREATE TABLE claim_adjudication (
    id                         UUID PRIMARY KEY,
    claim_id                   UUID NOT NULL REFERENCES claim (id),
    practice_id                TEXT NOT NULL,
    remittance_id              UUID NOT NULL,            -- payments' remittance (one 835)
    trace_number               TEXT,                     -- TRN02
    payer_id                   TEXT,                     -- as payments names the payer (the 835's N1*PR / TRN03)
    claim_status_code          TEXT NOT NULL,            -- CLP02
    outcome                    TEXT NOT NULL CHECK (outcome IN ('PAID', 'PARTIALLY_PAID', 'DENIED', 'REOPENED', 'RECORDED')),
    payer_claim_control_number TEXT,                     -- CLP07: REF*F8 of a correction or a void
    paid_date                  DATE,                     -- BPR16
    charge                     NUMERIC(12, 2),
    paid                       NUMERIC(12, 2) NOT NULL,
    patient_responsibility     NUMERIC(12, 2) NOT NULL,
    claim_adjustments          JSONB NOT NULL,           -- [{groupCode, reasonCode, remarkCode?, amount}]
    received_at                TIMESTAMPTZ NOT NULL,
    CONSTRAINT claim_adjudication_once UNIQUE (remittance_id, claim_id, claim_status_code)
);
CREATE INDEX claim_adjudication_by_claim ON claim_adjudication (claim_id, received_at, id);

-- Each service line of an adjudication (SVC): what was charged, allowed and paid, with its CAS.
CREATE TABLE claim_adjudication_line (
    adjudication_id        UUID NOT NULL REFERENCES claim_adjudication (id),
    line_number            INTEGER NOT NULL,             -- the claim line's number (REF*6R or SVC order)
    claim_line_id          UUID,
    procedure_code         TEXT,
    modifiers              TEXT[] NOT NULL DEFAULT '{}',
    service_date           DATE,
    charge                 NUMERIC(12, 2),
    allowed                NUMERIC(12, 2),
    paid                   NUMERIC(12, 2) NOT NULL,
    patient_responsibility NUMERIC(12, 2) NOT NULL,
    adjustments            JSONB NOT NULL,               -- [{groupCode, reasonCode, remarkCode?, amount}]
    PRIMARY KEY (adjudication_id, line_number)
);

-- The claim's current payer answer, kept on the claim for its queues and the 837s that follow it.
ALTER TABLE claim ADD COLUMN payer_claim_control_number TEXT;
ALTER TABLE claim ADD COLUMN paid_amount NUMERIC(12, 2);
ALTER TABLE claim ADD COLUMN adjudicated_at TIMESTAMPTZ;
