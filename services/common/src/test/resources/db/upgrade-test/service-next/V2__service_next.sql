-- The service's next migration, written after the upgrade.
ALTER TABLE widget ADD COLUMN colour TEXT;
