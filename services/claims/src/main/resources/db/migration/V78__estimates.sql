-- Claims part 2, contracts: patient cost estimates, kept to be compared with what the payer's 835 said.
CREATE TABLE estimate (
    id                           UUID PRIMARY KEY,
    practice_id                  TEXT NOT NULL,
    patient_id                   UUID NOT NULL,
    coverage_id                  UUID,                   -- absent: self-pay
    payer_id                     UUID,
    eligibility_check_id         UUID,                   -- the EligibilityVerified whose benefits were used
    service_date                 DATE NOT NULL,
    lines                        JSONB NOT NULL,         -- [{procedureCode, charge, allowed, patientResponsibility}]
    total_charge                 NUMERIC(12, 2) NOT NULL,
    total_allowed                NUMERIC(12, 2) NOT NULL,
    total_patient_responsibility NUMERIC(12, 2) NOT NULL,
    assumptions                  JSONB NOT NULL,         -- [text]
    created_at                   TIMESTAMPTZ NOT NULL,
    created_by                   TEXT NOT NULL
);
-- the claim an estimate is compared with is the patient's: its claims by claim_by_patient (V1)
