-- Claims part 2, contracts: a practice's tolerance for underpayments (absent row = the documented default), and the
-- lines an adjudication allowed below the contracted amount on their date of service, found when the adjudication
-- is recorded (in its transaction), so that the list is an index scan.
CREATE TABLE underpayment_tolerance (
    practice_id TEXT PRIMARY KEY,
    amount      NUMERIC(12, 2) CHECK (amount >= 0),
    percent     NUMERIC(5, 2) CHECK (percent >= 0 AND percent <= 100),
    version     BIGINT NOT NULL CHECK (version >= 1),
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE underpayment (
    id                       UUID PRIMARY KEY,
    practice_id              TEXT NOT NULL,
    payer_id                 UUID NOT NULL,
    claim_id                 UUID NOT NULL REFERENCES claim (id),
    adjudication_id          UUID NOT NULL REFERENCES claim_adjudication (id),
    line_number              INTEGER NOT NULL,
    procedure_code           TEXT NOT NULL,
    modifier                 TEXT NOT NULL DEFAULT '',
    service_date             DATE NOT NULL,
    expected                 NUMERIC(12, 2) NOT NULL,   -- the contracted allowed amount on the date of service
    actual                   NUMERIC(12, 2) NOT NULL,   -- the payer's allowed amount (AMT*B6)
    difference               NUMERIC(12, 2) NOT NULL,   -- expected − actual
    paid                     NUMERIC(12, 2) NOT NULL,
    fee_schedule_version_id  UUID NOT NULL REFERENCES fee_schedule_version (id),
    tolerance                NUMERIC(12, 2) NOT NULL,   -- the tolerance it went beyond
    detected_at              TIMESTAMPTZ NOT NULL,
    superseded_at            TIMESTAMPTZ,               -- a later adjudication of the claim (e.g. a reversal)
    CONSTRAINT underpayment_once UNIQUE (adjudication_id, line_number)
);
-- GET /underpayments?practiceId=[&payerId=]: newest first (read backward), paged by cursor; only current ones
CREATE INDEX underpayment_by_practice ON underpayment (practice_id, detected_at, id) WHERE superseded_at IS NULL;
CREATE INDEX underpayment_by_payer ON underpayment (practice_id, payer_id, detected_at, id) WHERE superseded_at IS NULL;
-- GET /underpayments/summary?practiceId=&from=&to=: a range of service dates, read from the index alone
CREATE INDEX underpayment_by_service_date ON underpayment (practice_id, service_date)
    INCLUDE (payer_id, procedure_code, expected, actual, difference) WHERE superseded_at IS NULL;
-- a later adjudication of the claim supersedes its earlier underpayments
CREATE INDEX underpayment_by_claim ON underpayment (claim_id) WHERE superseded_at IS NULL;
