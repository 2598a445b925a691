-- 837 files imported from practice-management systems and EHRs: one row per file, the answer per
-- claim kept as sent back (the same file again for the same practice answers the first result).
CREATE TABLE claim_import (
    id           UUID PRIMARY KEY,
    practice_id  TEXT NOT NULL,
    digest       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    created      INTEGER NOT NULL CHECK (created >= 0),
    refused      INTEGER NOT NULL CHECK (refused >= 0),
    results      JSONB NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (practice_id, digest)
);

-- matching an imported claim's patient: by the practice's MRN, else by name and date of birth
CREATE INDEX known_patient_by_mrn ON known_patient (practice_id, mrn) WHERE mrn IS NOT NULL;
CREATE INDEX known_patient_by_name_dob ON known_patient (practice_id, date_of_birth, lower(last_name), lower(first_name));
CREATE INDEX known_coverage_by_member ON known_coverage (patient_id, member_id);
