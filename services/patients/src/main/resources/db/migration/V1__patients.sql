-- Patients: demographics, guarantor, address and its deliverability, encrypted SSN, death, merge.
CREATE SEQUENCE patient_mrn_seq START WITH 100000001;

CREATE TABLE patient (
    id                        UUID PRIMARY KEY,
    practice_id               TEXT NOT NULL,
    mrn                       TEXT NOT NULL UNIQUE,
    first_name                TEXT NOT NULL,
    last_name                 TEXT NOT NULL,
    date_of_birth             DATE NOT NULL,
    sex                       TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
    -- AES-256-GCM: version | nonce | ciphertext+tag; never the digits in clear
    ssn_encrypted             BYTEA,
    ssn_last4                 TEXT CHECK (ssn_last4 ~ '^[0-9]{4}$'),
    address_line1             TEXT NOT NULL,
    address_line2             TEXT,
    address_city              TEXT NOT NULL,
    address_state             TEXT NOT NULL,
    address_postal_code       TEXT NOT NULL,
    address_undeliverable_on  DATE,
    phone                     TEXT,
    email                     TEXT,
    guarantor_first_name      TEXT,
    guarantor_last_name       TEXT,
    guarantor_relationship    TEXT,
    guarantor_line1           TEXT,
    guarantor_line2           TEXT,
    guarantor_city            TEXT,
    guarantor_state           TEXT,
    guarantor_postal_code     TEXT,
    guarantor_phone           TEXT,
    date_of_death             DATE,
    status                    TEXT NOT NULL CHECK (status IN ('ACTIVE', 'MERGED')),
    merged_into               UUID REFERENCES patient (id),
    version                   BIGINT NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL
);

-- Name-prefix search within a practice ("smi", "smith, jo"): byte order so a range scan is a prefix match.
CREATE INDEX patient_last_name_prefix ON patient (practice_id, (lower(last_name) COLLATE "C"), (lower(first_name) COLLATE "C"));
CREATE INDEX patient_first_name_prefix ON patient (practice_id, (lower(first_name) COLLATE "C"));
-- Duplicate detection at registration and search by date of birth.
CREATE INDEX patient_practice_dob ON patient (practice_id, date_of_birth);
