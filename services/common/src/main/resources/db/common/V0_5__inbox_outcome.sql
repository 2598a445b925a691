-- What a consumer made of each event it recorded: 'applied', or 'stale' when the event was not newer
-- (by its payload's version) than what the consumer's read model holds and was ignored. Rows written
-- before this column existed were applied.
ALTER TABLE inbox_event ADD COLUMN outcome TEXT NOT NULL DEFAULT 'applied'
    CHECK (outcome IN ('applied', 'stale'));
ALTER TABLE inbox_event ALTER COLUMN outcome DROP DEFAULT;
