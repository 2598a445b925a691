-- Claim status inquiries (X12 276 → 277): one row per answered inquiry, never updated. An inquiry the
-- clearinghouse did not answer (an outage) leaves no row: the caller gets a 503/502 problem and asks again.
CREATE TABLE claim_status_inquiry (
    id                         UUID PRIMARY KEY,
    claim_id                   UUID NOT NULL REFERENCES claim (id),
    practice_id                TEXT NOT NULL,
    trace_number               TEXT NOT NULL,            -- TRN02 of the 276, returned in the 277's TRN*2
    interchange_number         BIGINT NOT NULL,          -- ISA13 of the 276
    category_code              TEXT NOT NULL,            -- STC01-1 of the claim's first STC
    status_code                TEXT,                     -- STC01-2
    entity_code                TEXT,                     -- STC01-3
    description                TEXT NOT NULL,            -- readable words for them (ClaimStatusCodes)
    statuses                   JSONB NOT NULL,           -- every claim-level status: [{category, code, entity, description}]
    status_date                DATE,                     -- STC02
    charge                     NUMERIC(12, 2),           -- STC04
    paid                       NUMERIC(12, 2),           -- STC05
    paid_date                  DATE,                     -- STC06
    check_date                 DATE,                     -- STC08
    check_number               TEXT,                     -- STC09
    payer_claim_control_number TEXT,                     -- REF*1K of the 277
    source                     TEXT NOT NULL CHECK (source IN ('api', 'run')),
    asked_by                   TEXT NOT NULL,
    asked_at                   TIMESTAMPTZ NOT NULL,
    answered_at                TIMESTAMPTZ NOT NULL,
    x276                       TEXT NOT NULL,
    x277                       TEXT NOT NULL
);
-- a claim's inquiries, newest first (GET /claims/{id}/status-inquiries, and the runs' "answered lately")
CREATE INDEX claim_status_inquiry_by_claim ON claim_status_inquiry (claim_id, answered_at DESC, id);

-- the claims a status run looks at: sent, waiting for the payer, oldest first per practice
CREATE INDEX claim_awaiting_payer ON claim (practice_id, status_changed_at, id) WHERE status IN ('SUBMITTED', 'ACCEPTED');
-- the claims not sent yet (or sent back): the timely-filing at-risk list reads these per practice
CREATE INDEX claim_unsent_by_service_date ON claim (practice_id, first_service_date, id)
    WHERE status IN ('DRAFT', 'READY', 'REJECTED');
