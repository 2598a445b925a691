-- The payer directory is listed by name (ORDER BY name, id), all payers or those of one type. The
-- V1 index was on lower(name) COLLATE "C", which that order does not match, so every page sorted the
-- whole directory. These match the list's order exactly: a page reads its own rows in index order,
-- and the total is counted from the index alone.
CREATE INDEX payer_by_name ON payer (name, id);
CREATE INDEX payer_by_type_name ON payer (payer_type, name, id);
DROP INDEX payer_name;
