-- The collections read model, learnt from payments' and patients' events (V1–V19: h-collections-a's
-- part; V20–V39: statements, plans, work queue, placement, KPIs).

-- One row per payments account (AccountBalanceChanged, published at opening and after every posting).
-- balance_version is payments' account version last applied: an event not newer changes nothing.
-- collections_version numbers collections' own events about the account (CollectionHoldPlaced …).
CREATE TABLE account (
    id                        UUID PRIMARY KEY,
    practice_id               VARCHAR(40)   NOT NULL,
    patient_id                UUID          NOT NULL,
    balance                   NUMERIC(14,2) NOT NULL DEFAULT 0,
    insurance_balance         NUMERIC(14,2) NOT NULL DEFAULT 0,
    patient_balance           NUMERIC(14,2) NOT NULL DEFAULT 0,
    credit_balance            NUMERIC(14,2) NOT NULL DEFAULT 0,
    oldest_open_service_date  DATE,
    balance_version           BIGINT        NOT NULL,
    collections_version       BIGINT        NOT NULL DEFAULT 0,
    -- the latest promise to pay (an account note of kind PROMISE_TO_PAY): the work queue leaves the
    -- account alone until this date
    promise_to_pay_until      DATE,
    promise_to_pay_amount     NUMERIC(12,2),
    merged_into               UUID,
    first_seen_at             TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL
);
CREATE INDEX account_patient ON account (patient_id, practice_id);
-- statement runs and the work queue: the practice's accounts with a patient balance, oldest first
CREATE INDEX account_patient_due ON account (practice_id, oldest_open_service_date, id) WHERE patient_balance > 0;

-- Aging without reading every account: per practice and oldest open date of service, the sums of the
-- accounts with an open balance. Kept in the transaction that changes an account's row (a delta out of
-- the old date, into the new), so aging at any asOf is one aggregate over a practice's distinct dates.
-- Accounts with an open balance but no date of service are under service_date 9999-12-31 (undated).
CREATE TABLE aging_day (
    practice_id         VARCHAR(40)   NOT NULL,
    service_date        DATE          NOT NULL,
    accounts            INTEGER       NOT NULL,
    patient_accounts    INTEGER       NOT NULL,
    insurance_accounts  INTEGER       NOT NULL,
    patient_balance     NUMERIC(16,2) NOT NULL,
    insurance_balance   NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (practice_id, service_date)
);

-- The ledger's movements (ChargePosted, PaymentPosted, AdjustmentPosted, PaymentReversed, RefundIssued),
-- once each (id = the entry id; a payment's reversal: a name-based id from the payment id). Amounts are
-- as payments publishes them (> 0); what they do to each balance is in insurance_effect / patient_effect.
-- service_date: a charge's date of service (its effective date), for other movements the date of service of
-- the claim line's charge when known. effective_date: the posting date in the ledger.
CREATE TABLE movement (
    id                UUID PRIMARY KEY,
    account_id        UUID          NOT NULL,
    practice_id       VARCHAR(40)   NOT NULL,
    patient_id        UUID,
    type              VARCHAR(20)   NOT NULL,  -- CHARGE, PAYMENT, ADJUSTMENT, PAYMENT_REVERSAL, REFUND
    kind              VARCHAR(20),             -- AdjustmentPosted's kind (CONTRACTUAL, WRITE_OFF …), PaymentPosted's method
    entry_type        VARCHAR(20),             -- the ledger's entry type (ADJUSTMENT, TRANSFER, WRITE_OFF, REVERSAL …)
    amount            NUMERIC(14,2) NOT NULL,
    responsibility    VARCHAR(10),
    insurance_effect  NUMERIC(14,2),           -- signed effect on the insurance balance, when known
    patient_effect    NUMERIC(14,2),           -- signed effect on the patient balance, when known
    claim_id          UUID,
    claim_line_id     UUID,
    payment_id        UUID,
    method            VARCHAR(20),
    source            VARCHAR(30),
    group_code        VARCHAR(2),
    reason_code       VARCHAR(10),
    reversal_of       UUID,
    service_date      DATE,
    effective_date    DATE          NOT NULL,
    posted_at         TIMESTAMPTZ,
    account_version   BIGINT        NOT NULL,
    learnt_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX movement_account ON movement (account_id, effective_date, id);
CREATE INDEX movement_practice_date ON movement (practice_id, effective_date);
CREATE INDEX movement_claim_line ON movement (claim_line_id) WHERE claim_line_id IS NOT NULL;
CREATE INDEX movement_payment ON movement (payment_id) WHERE payment_id IS NOT NULL;

-- What statements need of a patient (PatientRegistered / PatientUpdated / address / death / merge), by the
-- patient's version. PHI: never logged, never in an event of this service.
CREATE TABLE patient (
    id                     UUID PRIMARY KEY,
    practice_id            VARCHAR(40)  NOT NULL,
    mrn                    VARCHAR(20),
    first_name             VARCHAR(60),
    last_name              VARCHAR(60),
    date_of_birth          DATE,
    address_line1          VARCHAR(100),
    address_line2          VARCHAR(100),
    address_city           VARCHAR(60),
    address_state          VARCHAR(2),
    address_postal_code    VARCHAR(10),
    address_undeliverable  BOOLEAN      NOT NULL DEFAULT FALSE,
    undeliverable_since    DATE,
    phone                  VARCHAR(20),
    email                  VARCHAR(254),
    guarantor_first_name   VARCHAR(60),
    guarantor_last_name    VARCHAR(60),
    guarantor_relationship VARCHAR(20),
    guarantor_line1        VARCHAR(100),
    guarantor_line2        VARCHAR(100),
    guarantor_city         VARCHAR(60),
    guarantor_state        VARCHAR(2),
    guarantor_postal_code  VARCHAR(10),
    deceased               BOOLEAN      NOT NULL DEFAULT FALSE,
    date_of_death          DATE,
    merged_into            UUID,
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL
);

-- Collection policy per practice; a practice without a row has the documented defaults.
CREATE TABLE practice_policy (
    practice_id                VARCHAR(40) PRIMARY KEY,
    statement_cycle_days       INTEGER       NOT NULL,
    dunning_levels             INTEGER       NOT NULL,
    grace_period_days          INTEGER       NOT NULL,
    small_balance_threshold    NUMERIC(12,2) NOT NULL,
    placement_after_days       INTEGER       NOT NULL,
    minimum_placement_balance  NUMERIC(12,2) NOT NULL,
    target_collection_rate     NUMERIC(5,4)  NOT NULL,
    plan_minimum_installment   NUMERIC(12,2) NOT NULL,
    agency_name                VARCHAR(100),
    agency_id                  VARCHAR(40),
    version                    BIGINT        NOT NULL,
    updated_by                 VARCHAR(200)  NOT NULL,
    updated_at                 TIMESTAMPTZ   NOT NULL
);

-- Holds: a held account gets no statement, is never placed (and, for bankruptcy, no plan follow-up).
-- Active while released_at is null and (until is null or until >= the day asked about).
CREATE TABLE collection_hold (
    id                          UUID PRIMARY KEY,
    account_id                  UUID         NOT NULL,
    practice_id                 VARCHAR(40)  NOT NULL,
    patient_id                  UUID         NOT NULL,
    type                        VARCHAR(20)  NOT NULL,  -- BANKRUPTCY, PROBATE, ATTORNEY, DISPUTE, RETURNED_MAIL
    note                        VARCHAR(1000),
    reference                   VARCHAR(60),
    until                       DATE,
    automatic                   BOOLEAN      NOT NULL DEFAULT FALSE,  -- opened by an event (death, returned mail)
    bankruptcy_chapter          SMALLINT,
    bankruptcy_case_number      VARCHAR(30),
    bankruptcy_filing_date      DATE,
    probate_estate_contact      VARCHAR(200),
    probate_claim_deadline      DATE,
    attorney_firm               VARCHAR(200),
    attorney_contact            VARCHAR(200),
    letter_of_protection        BOOLEAN,
    expected_settlement_date    DATE,
    expected_settlement_amount  NUMERIC(12,2),
    disputed                    VARCHAR(500),
    placed_by                   VARCHAR(200) NOT NULL,
    placed_at                   TIMESTAMPTZ  NOT NULL,
    released_at                 TIMESTAMPTZ,
    released_by                 VARCHAR(200),
    release_reason              VARCHAR(200),
    discharged_on               DATE,
    write_off_request_id        UUID
);
CREATE INDEX collection_hold_account ON collection_hold (account_id, placed_at DESC);
CREATE INDEX collection_hold_active ON collection_hold (account_id) WHERE released_at IS NULL;
-- one automatic hold of a type per account at a time (a redelivered death opens no second)
CREATE UNIQUE INDEX collection_hold_one_automatic ON collection_hold (account_id, type)
    WHERE automatic AND released_at IS NULL;

-- The account's correspondence and inquiry log.
CREATE TABLE account_note (
    id            UUID PRIMARY KEY,
    account_id    UUID          NOT NULL,
    practice_id   VARCHAR(40)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,  -- CALL, LETTER, EMAIL, INQUIRY, COMPLAINT, PROMISE_TO_PAY
    text          VARCHAR(4000) NOT NULL,
    follow_up_on  DATE,
    promised_amount NUMERIC(12,2),
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX account_note_account ON account_note (account_id, created_at DESC, id DESC);
