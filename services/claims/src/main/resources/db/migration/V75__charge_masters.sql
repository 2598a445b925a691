-- Claims part 2, contracts: a practice's charge master (what it charges per procedure code and modifier, and the
-- self-pay cash price), by effective dates. PUT /charge-masters/{practiceId} replaces the practice's items.
-- modifier '' = no modifier (a key column cannot be NULL).
CREATE TABLE charge_master (
    practice_id TEXT PRIMARY KEY,
    item_count  INTEGER NOT NULL,
    version     BIGINT NOT NULL CHECK (version >= 1),
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE charge_master_item (
    practice_id     TEXT NOT NULL REFERENCES charge_master (practice_id),
    procedure_code  TEXT NOT NULL,
    modifier        TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL,
    standard_charge NUMERIC(12, 2) NOT NULL CHECK (standard_charge >= 0),
    cash_price      NUMERIC(12, 2) NOT NULL CHECK (cash_price >= 0),
    effective_from  DATE NOT NULL,
    effective_to    DATE,
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    -- the lookup of a line's charge: the item of (practice, code, modifier) effective on a date, newest first
    PRIMARY KEY (practice_id, procedure_code, modifier, effective_from)
);
