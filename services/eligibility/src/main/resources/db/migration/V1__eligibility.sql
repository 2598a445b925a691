-- Eligibility: payers, the patients this service knows (from patients' events), coverages, and
-- 270/271 eligibility checks with their benefits.

CREATE TABLE payer (
    id                  UUID PRIMARY KEY,
    name                TEXT NOT NULL,
    payer_type          TEXT NOT NULL CHECK (payer_type IN ('MEDICARE', 'MEDICAID', 'COMMERCIAL', 'MANAGED_CARE', 'SELF_PAY', 'OTHER')),
    x12_payer_id        TEXT NOT NULL UNIQUE,
    timely_filing_days  INTEGER NOT NULL CHECK (timely_filing_days > 0),
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX payer_name ON payer ((lower(name) COLLATE "C"), id);

-- Read model of revcycle.patients.events.v1 (PatientRegistered, PatientUpdated, PatientMerged):
-- what a coverage and a 270 need of the patient. Never the SSN (patients does not publish it).
CREATE TABLE known_patient (
    id                   UUID PRIMARY KEY,
    practice_id          TEXT NOT NULL,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    date_of_birth        DATE NOT NULL,
    sex                  TEXT NOT NULL,
    address_line1        TEXT,
    address_line2        TEXT,
    address_city         TEXT,
    address_state        TEXT,
    address_postal_code  TEXT,
    merged_into          UUID,
    updated_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE coverage (
    id                       UUID PRIMARY KEY,
    practice_id              TEXT NOT NULL,
    patient_id               UUID NOT NULL REFERENCES known_patient (id),
    payer_id                 UUID NOT NULL REFERENCES payer (id),
    member_id                TEXT NOT NULL,
    group_number             TEXT,
    plan_name                TEXT,
    priority                 TEXT NOT NULL CHECK (priority IN ('PRIMARY', 'SECONDARY', 'TERTIARY')),
    subscriber_relationship  TEXT NOT NULL CHECK (subscriber_relationship IN ('SELF', 'SPOUSE', 'CHILD', 'OTHER')),
    subscriber_first_name    TEXT,
    subscriber_last_name     TEXT,
    subscriber_date_of_birth DATE,
    effective_date           DATE NOT NULL,
    termination_date         DATE,
    status                   TEXT NOT NULL CHECK (status IN ('ACTIVE', 'TERMINATED')),
    version                  BIGINT NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    CHECK (termination_date IS NULL OR termination_date >= effective_date),
    CHECK (subscriber_relationship = 'SELF' OR (subscriber_first_name IS NOT NULL AND subscriber_last_name IS NOT NULL
                                                 AND subscriber_date_of_birth IS NOT NULL)),
    CHECK (status = 'ACTIVE' OR termination_date IS NOT NULL)
);
-- At most one active coverage per patient and priority: the last line of defence behind the
-- per-patient advisory lock, so that two concurrent adds cannot both succeed.
CREATE UNIQUE INDEX coverage_one_active_per_priority ON coverage (patient_id, priority) WHERE status = 'ACTIVE';
CREATE INDEX coverage_patient ON coverage (patient_id, priority, effective_date);

-- ISA13/GS06 of the 270s we send: one per interchange, 1 to 999999999.
CREATE SEQUENCE x12_control_number_seq MINVALUE 1 MAXVALUE 999999999 CYCLE;

-- One 270/271 exchange with the clearinghouse and what came of it. The interchanges are kept as sent
-- and received (they carry PHI: member id, names, date of birth; served only to callers of the practice).
CREATE TABLE eligibility_check (
    id                        UUID PRIMARY KEY,
    coverage_id               UUID NOT NULL REFERENCES coverage (id),
    patient_id                UUID NOT NULL,
    practice_id               TEXT NOT NULL,
    service_date              DATE NOT NULL,
    service_type_codes        TEXT NOT NULL,
    status                    TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'ERROR')),
    plan_begin                DATE,
    plan_end                  DATE,
    copay                     NUMERIC(14, 2),
    coinsurance_percent       NUMERIC(5, 2),
    deductible                NUMERIC(14, 2),
    deductible_remaining      NUMERIC(14, 2),
    out_of_pocket             NUMERIC(14, 2),
    out_of_pocket_remaining   NUMERIC(14, 2),
    error_reason              TEXT,
    control_number            BIGINT NOT NULL,
    x12_request               TEXT NOT NULL,
    x12_response              TEXT,
    checked_at                TIMESTAMPTZ NOT NULL
);
-- The 24-hour reuse looks up the latest check of a coverage for a service date.
CREATE INDEX eligibility_check_reuse ON eligibility_check (coverage_id, service_date, checked_at DESC);

CREATE TABLE eligibility_check_rejection (
    check_id     UUID NOT NULL REFERENCES eligibility_check (id),
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    description  TEXT NOT NULL,
    PRIMARY KEY (check_id, position)
);
