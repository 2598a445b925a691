-- Registration's duplicate check and search by date of birth, as one index that matches their
-- queries exactly (expressions and collation):
--   duplicate check: practice_id = ? AND date_of_birth = ? AND lower(first_name) COLLATE "C" = ?
--                    AND lower(last_name) COLLATE "C" = ? AND status = 'ACTIVE'
--   search:          practice_id IN (...) AND status = 'ACTIVE' AND date_of_birth = ? [AND name prefix]
--                    ORDER BY practice_id, lower(last_name) COLLATE "C", lower(first_name) COLLATE "C", id
-- Before, the check compared lower(last_name) in the database's collation, which matched no index
-- expression: as a generic plan (a prepared statement) it could range over the practice's whole name
-- index (issue 8: ~100,000 index entries per registration in a practice of 100,000), and at best it
-- read every patient of the practice born that day (an import's placeholder date of birth puts
-- thousands there). With every column an equality the check reads only the patients of that
-- identity; a search by date of birth reads its page in index order. Equality under "C" is the same
-- as under the database's (deterministic) collation, so the check finds what it found before.
CREATE INDEX patient_dob_name ON patient
    (practice_id, date_of_birth, (lower(last_name) COLLATE "C"), (lower(first_name) COLLATE "C"), id)
    WHERE status = 'ACTIVE';
DROP INDEX patient_practice_dob;
