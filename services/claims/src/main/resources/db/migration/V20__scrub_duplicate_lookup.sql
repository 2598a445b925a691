-- The scrubber's duplicate rule (DUPLICATE-CLAIM) asks, per scrub, for a patient's submitted or
-- accepted claims: this partial index keeps that to the patient's few sent claims.
CREATE INDEX claim_sent_by_patient ON claim (patient_id, practice_id) WHERE status IN ('SUBMITTED', 'ACCEPTED');
