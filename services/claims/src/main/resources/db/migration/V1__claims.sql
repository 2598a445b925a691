-- The claims service's own tables (common's outbox, inbox, audit and idempotency tables come first,
-- with their own history). Claims migrations V1–V19 are the core's; the scrubber uses V20+, the
-- 837 writer and acknowledgements V30+, imports and forms V40+.

-- A practice's billing, rendering and referring providers: one per practice and NPI, and at most
-- one default billing provider per practice.
CREATE TABLE provider (
    id                  UUID PRIMARY KEY,
    practice_id         TEXT NOT NULL,
    npi                 CHAR(10) NOT NULL,
    name                TEXT NOT NULL,
    entity_type         TEXT NOT NULL CHECK (entity_type IN ('PERSON', 'ORGANIZATION')),
    taxonomy_code       CHAR(10) NOT NULL,
    tax_id              CHAR(9),
    address_line1       TEXT,
    address_line2       TEXT,
    address_city        TEXT,
    address_state       TEXT,
    address_postal_code TEXT,
    default_billing     BOOLEAN NOT NULL DEFAULT FALSE,
    version             BIGINT NOT NULL CHECK (version >= 1),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT provider_practice_npi UNIQUE (practice_id, npi)
);
CREATE UNIQUE INDEX provider_one_default_billing ON provider (practice_id) WHERE default_billing;
CREATE INDEX provider_by_practice_name ON provider (practice_id, name, id);

-- The patient control number (CLM01, back in the 835's CLP01 and the 277CA): RC + 10 digits.
CREATE SEQUENCE claim_patient_control_number_seq;

-- A claim with its diagnoses (ICD-10-CM as keyed, the first principal) and its lines (jsonb: the
-- lines are always read and written with their claim, never alone).
CREATE TABLE claim (
    id                     UUID PRIMARY KEY,
    practice_id            TEXT NOT NULL,
    patient_id             UUID NOT NULL,
    coverage_id            UUID,
    payer_id               UUID,
    type                   TEXT NOT NULL CHECK (type IN ('PROFESSIONAL', 'INSTITUTIONAL')),
    status                 TEXT NOT NULL CHECK (status IN ('DRAFT', 'READY', 'SUBMITTED', 'ACCEPTED', 'REJECTED')),
    patient_control_number VARCHAR(20) NOT NULL UNIQUE,
    billing_provider_id    UUID NOT NULL REFERENCES provider (id),
    rendering_provider_id  UUID REFERENCES provider (id),
    referring_provider_id  UUID REFERENCES provider (id),
    place_of_service       TEXT,
    type_of_bill           TEXT,
    admission_date         DATE,
    discharge_date         DATE,
    prior_authorization    TEXT,
    diagnoses              TEXT[] NOT NULL,
    lines                  JSONB NOT NULL,
    total_charge           NUMERIC(12, 2) NOT NULL,
    first_service_date     DATE,
    frequency_code         TEXT NOT NULL DEFAULT '1',
    primary_claim_id       UUID REFERENCES claim (id),
    replaces_claim_id      UUID REFERENCES claim (id),
    version                BIGINT NOT NULL CHECK (version >= 1),
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    status_changed_at      TIMESTAMPTZ NOT NULL
);
-- the queue: a practice's claims in a status, oldest status change first
CREATE INDEX claim_queue ON claim (practice_id, status, status_changed_at, id);
CREATE INDEX claim_by_patient ON claim (patient_id, status_changed_at, id);
CREATE INDEX claim_by_payer ON claim (payer_id, status, status_changed_at, id) WHERE payer_id IS NOT NULL;
CREATE INDEX claim_by_practice ON claim (practice_id, status_changed_at, id);

-- Every change of a claim's status: from, to, who, when and why (the payer's codes and a reason).
-- A 277CA "received" (A1) is kept with from = to.
CREATE TABLE claim_history (
    id            UUID PRIMARY KEY,
    claim_id      UUID NOT NULL REFERENCES claim (id),
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    actor         TEXT NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    source        TEXT,
    category_code TEXT,
    status_code   TEXT,
    reason        TEXT,
    batch_id      UUID
);
CREATE INDEX claim_history_by_claim ON claim_history (claim_id, occurred_at, id);

-- Read model: patients as learnt from revcycle.patients.events.v1 (never a synchronous call).
CREATE TABLE known_patient (
    id                     UUID PRIMARY KEY,
    practice_id            TEXT NOT NULL,
    mrn                    TEXT,
    first_name             TEXT NOT NULL,
    last_name              TEXT NOT NULL,
    date_of_birth          DATE NOT NULL,
    sex                    TEXT NOT NULL,
    address_line1          TEXT,
    address_line2          TEXT,
    address_city           TEXT,
    address_state          TEXT,
    address_postal_code    TEXT,
    address_undeliverable  BOOLEAN NOT NULL DEFAULT FALSE,
    deceased               BOOLEAN NOT NULL DEFAULT FALSE,
    date_of_death          DATE,
    merged_into            UUID,
    applied_version        BIGINT NOT NULL CHECK (applied_version >= 0),
    updated_at             TIMESTAMPTZ NOT NULL
);

-- Read model: coverages and their payers from revcycle.eligibility.events.v1.
CREATE TABLE known_coverage (
    id                      UUID PRIMARY KEY,
    patient_id              UUID NOT NULL,
    practice_id             TEXT NOT NULL,
    payer_id                UUID NOT NULL,
    payer_name              TEXT NOT NULL,
    payer_type              TEXT,
    x12_payer_id            TEXT,
    timely_filing_days      INTEGER,
    member_id               TEXT NOT NULL,
    group_number            TEXT,
    plan_name               TEXT,
    priority                TEXT NOT NULL,
    subscriber_relationship TEXT NOT NULL,
    subscriber_first_name   TEXT,
    subscriber_last_name    TEXT,
    subscriber_date_of_birth DATE,
    effective_date          DATE NOT NULL,
    termination_date        DATE,
    terminated              BOOLEAN NOT NULL DEFAULT FALSE,
    applied_version         BIGINT NOT NULL CHECK (applied_version >= 0),
    updated_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX known_coverage_by_patient ON known_coverage (patient_id);

-- Read model: the latest EligibilityVerified of each coverage (by service date, then arrival).
CREATE TABLE latest_eligibility (
    coverage_id  UUID PRIMARY KEY,
    check_id     UUID NOT NULL,
    patient_id   UUID NOT NULL,
    practice_id  TEXT NOT NULL,
    service_date DATE NOT NULL,
    status       TEXT NOT NULL,
    plan_begin   DATE,
    plan_end     DATE,
    learnt_at    TIMESTAMPTZ NOT NULL
);
