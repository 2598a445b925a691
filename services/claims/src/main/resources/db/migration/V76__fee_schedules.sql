-- Claims part 2, contracts: what a payer contracted to allow a practice per procedure code and modifier.
-- Versioned by date: each version is the whole schedule from its effective date until the next version's, so a
-- change applies to services on or after its date and earlier services keep the earlier amounts.
CREATE TABLE fee_schedule_version (
    id             UUID PRIMARY KEY,
    practice_id    TEXT NOT NULL,
    payer_id       UUID NOT NULL,
    effective_from DATE NOT NULL,
    rate_count     INTEGER NOT NULL,
    version        BIGINT NOT NULL CHECK (version >= 1),   -- 1, or more once the same date was PUT again
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT NOT NULL,
    -- the version effective on a date: the newest effective_from on or before it (backward, LIMIT 1)
    CONSTRAINT fee_schedule_version_once UNIQUE (practice_id, payer_id, effective_from)
);

CREATE TABLE fee_schedule_rate (
    version_id     UUID NOT NULL REFERENCES fee_schedule_version (id) ON DELETE CASCADE,
    procedure_code TEXT NOT NULL,
    modifier       TEXT NOT NULL DEFAULT '',
    allowed        NUMERIC(12, 2) NOT NULL CHECK (allowed >= 0),
    PRIMARY KEY (version_id, procedure_code, modifier)
);
