-- A service's first migration, as the services have them: a table of its own, and (to prove that common's
-- migrations always run first) a view over a common table.
CREATE TABLE widget (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
CREATE VIEW widget_unsent_events AS SELECT id, topic FROM outbox_event WHERE published_at IS NULL;
