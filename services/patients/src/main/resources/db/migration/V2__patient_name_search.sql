-- Name search by last-name prefix ("smi", or "smith, jo" for the first name too) within a practice,
-- over active patients only. Byte order ("C") makes a range scan a prefix match; the index order is
-- the result order, so a page reads only its own rows; INCLUDE lets the total be counted from the
-- index alone.
DROP INDEX patient_last_name_prefix;
DROP INDEX patient_first_name_prefix;
CREATE INDEX patient_name_search ON patient
    (practice_id, (lower(last_name) COLLATE "C"), (lower(first_name) COLLATE "C"), id)
    INCLUDE (last_name, first_name)
    WHERE status = 'ACTIVE';
