-- Stands for the next migration of revcycle-common, added after databases were made: it must be applied
-- after the service's V1. Its version (0.9999) sorts before V1, so the single shared history of the previous
-- scheme refused it as out of order; it stays above any real common migration (0.1, 0.2 …).
CREATE TABLE common_next (id BIGINT PRIMARY KEY);
ALTER TABLE outbox_event ADD COLUMN common_next_marker TEXT;
