-- A hold's release: release_reason is the code (RELEASED, DISCHARGED, ADDRESS_CORRECTED, MERGED) that the
-- CollectionHoldReleased event carries; release_note the collector's words, which stay here.
ALTER TABLE collection_hold ADD COLUMN release_note VARCHAR(500);

-- Every WriteOffRequested collections publishes (payments posts each once per id): a bankruptcy discharge's
-- BAD_DEBT, a statement run's SMALL_BALANCE, a placement's BAD_DEBT. source says which, source_id its record
-- (the hold, the statement run, the placement). A recall's WriteOffReversalRequested names one of these ids.
CREATE TABLE write_off_request (
    id            UUID PRIMARY KEY,
    account_id    UUID          NOT NULL,
    practice_id   VARCHAR(40)   NOT NULL,
    amount        NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    kind          VARCHAR(20)   NOT NULL,  -- SMALL_BALANCE, BAD_DEBT, CHARITY
    reason        VARCHAR(500)  NOT NULL,
    source        VARCHAR(30)   NOT NULL,  -- BANKRUPTCY_DISCHARGE, STATEMENT_RUN, PLACEMENT …
    source_id     UUID,
    requested_by  VARCHAR(200)  NOT NULL,
    requested_at  TIMESTAMPTZ   NOT NULL,
    reversed_by   UUID                      -- the WriteOffReversalRequested's request id, once asked
);
CREATE INDEX write_off_request_account ON write_off_request (account_id, requested_at);
