-- The patients service's version of the patient each row reflects (PatientRegistered/Updated's
-- version, or PatientMerged's for the survivor and the duplicate): an event not newer than it is
-- recorded in the inbox and ignored, so a redelivered or replayed older event never undoes a newer
-- one. 0 for rows learnt before events carried versions (any versioned event is newer).
ALTER TABLE known_patient ADD COLUMN applied_version BIGINT NOT NULL DEFAULT 0 CHECK (applied_version >= 0);
ALTER TABLE known_patient ALTER COLUMN applied_version DROP DEFAULT;
