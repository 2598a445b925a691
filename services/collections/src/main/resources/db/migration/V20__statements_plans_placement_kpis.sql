-- Statements, payment plans, placement and KPI snapshots (h-collections-b's part, V20–V39).

-- One run per practice and date: a second POST for the same date answers the first run and issues nothing.
-- The counts are by outcome (domain StatementOutcome); status RUNNING until every chunk is done (a run that
-- stopped half-way is completed by the same POST again: accounts already stated that day are not due).
CREATE TABLE statement_run (
    id                     UUID PRIMARY KEY,
    practice_id            VARCHAR(40)  NOT NULL,
    as_of                  DATE         NOT NULL,
    status                 VARCHAR(10)  NOT NULL,  -- RUNNING, COMPLETE
    issued                 INTEGER      NOT NULL DEFAULT 0,
    small_balance          INTEGER      NOT NULL DEFAULT 0,
    skipped_hold           INTEGER      NOT NULL DEFAULT 0,
    skipped_undeliverable  INTEGER      NOT NULL DEFAULT 0,
    skipped_plan           INTEGER      NOT NULL DEFAULT 0,
    skipped_placed         INTEGER      NOT NULL DEFAULT 0,
    amount_due             NUMERIC(16,2) NOT NULL DEFAULT 0,
    started_by             VARCHAR(200) NOT NULL,
    started_at             TIMESTAMPTZ  NOT NULL,
    completed_at           TIMESTAMPTZ,
    UNIQUE (practice_id, as_of)
);

-- One statement per account and date; the services on it are read from the movements dated up to its date
-- when it is shown (rendered on demand), so a run writes one row per statement.
CREATE TABLE statement (
    id               UUID PRIMARY KEY,
    run_id           UUID          NOT NULL REFERENCES statement_run (id),
    seq              INTEGER       NOT NULL,   -- the order in the run's file (by account id)
    account_id       UUID          NOT NULL,
    practice_id      VARCHAR(40)   NOT NULL,
    patient_id       UUID          NOT NULL,
    level            VARCHAR(20)   NOT NULL,
    statement_date   DATE          NOT NULL,
    due_date         DATE          NOT NULL,
    amount_due       NUMERIC(14,2) NOT NULL,
    account_version  BIGINT        NOT NULL,   -- payments' balance version the statement was made from
    issued_at        TIMESTAMPTZ   NOT NULL,
    UNIQUE (account_id, statement_date)
);
CREATE INDEX statement_run_seq ON statement (run_id, seq);
CREATE INDEX statement_account ON statement (account_id, statement_date DESC);

-- Where each account stands in its dunning cycle for its current unpaid balance: reset when the patient
-- balance is paid to zero (or less), so the next balance starts at the first level again.
CREATE TABLE account_dunning (
    account_id          UUID PRIMARY KEY,
    practice_id         VARCHAR(40) NOT NULL,
    level               VARCHAR(20) NOT NULL,
    first_statement_on  DATE        NOT NULL,
    last_statement_on   DATE        NOT NULL,
    last_statement_id   UUID        NOT NULL,
    statements          INTEGER     NOT NULL
);

-- Statement runs walk a practice's accounts with a patient balance in id order, a chunk at a time.
CREATE INDEX account_patient_balance_id ON account (practice_id, id) WHERE patient_balance > 0;

-- A statement run's SMALL_BALANCE request is made once per account balance: the account's balance version
-- (payments' account version) it was made from (write_off_request is V2's).
ALTER TABLE write_off_request ADD COLUMN account_version BIGINT;
CREATE UNIQUE INDEX write_off_small_balance_once ON write_off_request (account_id, account_version)
    WHERE kind = 'SMALL_BALANCE';

-- Payment plans. paid: the patient payments counted to it since it was made (less reversals);
-- next_due_date: the due date of its first installment not fully paid (null when paid off), kept with paid,
-- so that the lapse check is one indexed range (next_due_date < asOf − grace) over the active plans.
CREATE TABLE payment_plan (
    id                  UUID PRIMARY KEY,
    account_id          UUID          NOT NULL,
    practice_id         VARCHAR(40)   NOT NULL,
    total_amount        NUMERIC(12,2) NOT NULL,
    installment_amount  NUMERIC(12,2) NOT NULL,
    frequency           VARCHAR(10)   NOT NULL,
    first_due_date      DATE          NOT NULL,
    installments        INTEGER       NOT NULL,
    status              VARCHAR(15)   NOT NULL,  -- ACTIVE, COMPLETED, LAPSED, RENEGOTIATED
    paid                NUMERIC(12,2) NOT NULL DEFAULT 0,
    next_due_date       DATE,
    renegotiated_from   UUID,
    renegotiated_to     UUID,
    lapsed_on           DATE,
    completed_at        TIMESTAMPTZ,
    created_by          VARCHAR(200)  NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL
);
-- at most one plan in force (active or lapsed and not yet renegotiated) per account
CREATE UNIQUE INDEX payment_plan_one_open ON payment_plan (account_id) WHERE status IN ('ACTIVE', 'LAPSED');
CREATE INDEX payment_plan_account ON payment_plan (account_id, created_at DESC);
CREATE INDEX payment_plan_due ON payment_plan (next_due_date, id) WHERE status = 'ACTIVE';

-- Agency placements: one batch per practice and date (its file), one row per placed account.
CREATE TABLE placement_batch (
    id           UUID PRIMARY KEY,
    practice_id  VARCHAR(40)   NOT NULL,
    as_of        DATE          NOT NULL,
    agency_id    VARCHAR(40)   NOT NULL,
    agency_name  VARCHAR(100)  NOT NULL,
    accounts     INTEGER       NOT NULL,
    amount       NUMERIC(16,2) NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    UNIQUE (practice_id, as_of)
);
CREATE TABLE placement (
    id                    UUID PRIMARY KEY,
    batch_id              UUID          NOT NULL REFERENCES placement_batch (id),
    seq                   INTEGER       NOT NULL,
    account_id            UUID          NOT NULL,
    practice_id           VARCHAR(40)   NOT NULL,
    patient_id            UUID          NOT NULL,
    agency_id             VARCHAR(40)   NOT NULL,
    amount                NUMERIC(14,2) NOT NULL,
    placed_on             DATE          NOT NULL,
    first_statement_on    DATE,
    oldest_service_date   DATE,
    write_off_request_id  UUID,
    recalled_at           TIMESTAMPTZ,
    recalled_on           DATE,
    recall_reason         VARCHAR(500),
    recalled_by           VARCHAR(200)
);
CREATE UNIQUE INDEX placement_one_active ON placement (account_id) WHERE recalled_at IS NULL;
CREATE INDEX placement_batch_seq ON placement (batch_id, seq);
CREATE INDEX placement_practice_date ON placement (practice_id, placed_on);

-- KPIs at each month's end (GET /kpis/history): filled by the monthly job and on demand.
CREATE TABLE kpi_month (
    practice_id             VARCHAR(40)   NOT NULL,
    month                   DATE          NOT NULL,  -- the first day of the month
    charges                 NUMERIC(16,2) NOT NULL,
    payments                NUMERIC(16,2) NOT NULL,
    contractual             NUMERIC(16,2) NOT NULL,
    ar_at_end               NUMERIC(16,2) NOT NULL,
    gross_collection_rate   NUMERIC(7,4),
    net_collection_rate     NUMERIC(7,4),
    days_in_ar              NUMERIC(8,1),
    computed_at             TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (practice_id, month)
);
