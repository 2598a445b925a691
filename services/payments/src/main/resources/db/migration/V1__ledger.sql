-- Payments: one account per patient per practice, its append-only ledger and the balances kept
-- beside it (in the same transaction as the entries, under the account's row lock).

CREATE TABLE account (
    id                        UUID PRIMARY KEY,
    patient_id                UUID NOT NULL,
    practice_id               TEXT NOT NULL,
    -- signed sums of the entries per responsibility (negative = credit)
    insurance_sum             NUMERIC(14, 2) NOT NULL DEFAULT 0,
    patient_sum               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    -- what a bad-debt write-off took and a later payment may still recover
    bad_debt_open             NUMERIC(14, 2) NOT NULL DEFAULT 0,
    oldest_open_service_date  DATE,
    merged_into               UUID REFERENCES account (id),
    credit_since              TIMESTAMPTZ,
    version                   BIGINT NOT NULL,
    patient_version           BIGINT NOT NULL,
    opened_at                 TIMESTAMPTZ NOT NULL,
    UNIQUE (patient_id, practice_id)
);
CREATE INDEX account_credit ON account (practice_id, credit_since, id) WHERE credit_since IS NOT NULL;

-- The claims this service knows (from claims' events): what a remittance matches and a charge refers to.
CREATE TABLE claim (
    id                      UUID PRIMARY KEY,
    account_id              UUID NOT NULL REFERENCES account (id),
    practice_id             TEXT NOT NULL,
    patient_id              UUID NOT NULL,
    coverage_id             UUID,
    payer_id                UUID,
    patient_control_number  TEXT NOT NULL,
    made_from_another       BOOLEAN NOT NULL,
    first_service_date      DATE,
    version                 BIGINT NOT NULL
);
CREATE INDEX claim_pcn ON claim (patient_control_number);
CREATE INDEX claim_account ON claim (account_id);

CREATE TABLE claim_line (
    id              UUID PRIMARY KEY,
    claim_id        UUID NOT NULL REFERENCES claim (id),
    line_number     INTEGER NOT NULL,
    procedure_code  TEXT NOT NULL,
    charge_amount   NUMERIC(14, 2) NOT NULL,
    service_date    DATE NOT NULL,
    current         BOOLEAN NOT NULL
);
CREATE INDEX claim_line_claim ON claim_line (claim_id, line_number);

CREATE TABLE ledger_entry (
    id                UUID PRIMARY KEY,
    seq               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id        UUID NOT NULL REFERENCES account (id),
    practice_id       TEXT NOT NULL,
    type              TEXT NOT NULL CHECK (type IN ('CHARGE', 'PAYMENT', 'ADJUSTMENT', 'TRANSFER', 'REFUND', 'WRITE_OFF', 'REVERSAL')),
    amount            NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    responsibility    TEXT NOT NULL CHECK (responsibility IN ('INSURANCE', 'PATIENT')),
    -- the entry's effect on each balance (a TRANSFER moves between them; a REVERSAL negates its entry)
    insurance_delta   NUMERIC(14, 2) NOT NULL,
    patient_delta     NUMERIC(14, 2) NOT NULL,
    claim_id          UUID,
    claim_line_id     UUID,
    group_code        TEXT,
    reason_code       TEXT,
    remark_code       TEXT,
    kind              TEXT,
    source            TEXT NOT NULL,
    source_reference  TEXT,
    payment_id        UUID,
    method            TEXT,
    partner_id        UUID,
    effective_date    DATE NOT NULL,
    posted_at         TIMESTAMPTZ NOT NULL,
    actor             TEXT NOT NULL,
    reversal_of       UUID REFERENCES ledger_entry (id)
);
CREATE INDEX ledger_entry_account ON ledger_entry (account_id, seq DESC);
CREATE INDEX ledger_entry_claim ON ledger_entry (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX ledger_entry_payment ON ledger_entry (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX ledger_entry_practice_date ON ledger_entry (practice_id, effective_date);
CREATE UNIQUE INDEX ledger_entry_reversed_once ON ledger_entry (reversal_of) WHERE reversal_of IS NOT NULL AND kind = 'REVERSAL';

-- Corrections are reversals, never updates: the ledger refuses UPDATE, DELETE and TRUNCATE for every role
-- (the service's role owns the table, so a REVOKE alone would not hold).
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();

-- Eligibility's coverages, as far as the "next payer" rule needs them.
CREATE TABLE coverage (
    id                 UUID PRIMARY KEY,
    patient_id         UUID NOT NULL,
    practice_id        TEXT NOT NULL,
    x12_payer_id       TEXT,
    priority           TEXT NOT NULL,
    effective_date     DATE,
    termination_date   DATE,
    version            BIGINT NOT NULL
);
CREATE INDEX coverage_patient ON coverage (patient_id, practice_id);

-- Payment partners and their payments.
CREATE TABLE partner (
    id                UUID PRIMARY KEY,
    name              TEXT NOT NULL,
    practices         TEXT[] NOT NULL,
    signing           BOOLEAN NOT NULL,
    secret_encrypted  BYTEA,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE payment (
    id            UUID PRIMARY KEY,
    account_id    UUID NOT NULL REFERENCES account (id),
    practice_id   TEXT NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL,
    method        TEXT NOT NULL,
    reference     TEXT NOT NULL,
    partner_key   TEXT NOT NULL,
    partner_id    UUID,
    received_at   TIMESTAMPTZ NOT NULL,
    applied       NUMERIC(14, 2) NOT NULL,
    recovered     NUMERIC(14, 2) NOT NULL,
    credited      NUMERIC(14, 2) NOT NULL,
    reversed_at   TIMESTAMPTZ,
    reversal_reason TEXT,
    posted_at     TIMESTAMPTZ NOT NULL,
    actor         TEXT NOT NULL,
    UNIQUE (partner_key, reference)
);

CREATE TABLE refund (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id),
    amount      NUMERIC(14, 2) NOT NULL,
    payee       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    entry_id    UUID NOT NULL,
    posted_at   TIMESTAMPTZ NOT NULL
);

-- Collections' write-off requests, once per request id.
CREATE TABLE write_off_request (
    id            UUID PRIMARY KEY,
    account_id    UUID NOT NULL,
    kind          TEXT NOT NULL,
    entry_ids     UUID[] NOT NULL,
    reversed_by   UUID
);

CREATE TABLE period_close (
    id            UUID PRIMARY KEY,
    practice_id   TEXT NOT NULL,
    month         DATE NOT NULL,
    closed_at     TIMESTAMPTZ NOT NULL,
    closed_by     TEXT NOT NULL,
    accounts_total NUMERIC(14, 2) NOT NULL,
    UNIQUE (practice_id, month)
);
