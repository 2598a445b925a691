-- The clearinghouse mailbox as a service has read it (dev.revcycle.common.clearinghouse): where it left off,
-- and every file it processed, recorded in the same transaction as what the file changed, so a file is
-- applied exactly once, also after a restart. A service that takes no mailbox files leaves both empty.
CREATE TABLE clearinghouse_mailbox_cursor (
    mailbox      TEXT PRIMARY KEY,
    cursor_value TEXT NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE clearinghouse_mailbox_file (
    mailbox      TEXT NOT NULL,
    file_id      TEXT NOT NULL,
    file_type    TEXT NOT NULL,
    cursor_value TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mailbox, file_id)
);
