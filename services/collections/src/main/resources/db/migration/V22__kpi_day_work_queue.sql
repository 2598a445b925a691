-- KPIs without reading a period's movements: per practice and posting date, the sums the KPI formulas use.
-- Kept by the movement consumer in the inbox's transaction (a movement is added once by its id, and adds to
-- its day only when it was new, so a redelivered event counts once) and by agency placement (placed).
-- A KPI report reads one row per day of its period and of the 90 days before `to`, plus the days after `to`
-- (to take today's A/R back to `to`).
CREATE TABLE kpi_day (
    practice_id        VARCHAR(40)   NOT NULL,
    day                DATE          NOT NULL,
    charges            NUMERIC(16,2) NOT NULL DEFAULT 0,  -- CHARGE
    payments           NUMERIC(16,2) NOT NULL DEFAULT 0,  -- PAYMENT (insurance and patient)
    payment_reversals  NUMERIC(16,2) NOT NULL DEFAULT 0,  -- PAYMENT_REVERSAL
    adjustments        NUMERIC(16,2) NOT NULL DEFAULT 0,  -- ADJUSTMENT, transfers and reversals aside
    contractual        NUMERIC(16,2) NOT NULL DEFAULT 0,  -- ADJUSTMENT of kind CONTRACTUAL
    recovered          NUMERIC(16,2) NOT NULL DEFAULT 0,  -- PAYMENT of method AGENCY
    balance_effect     NUMERIC(16,2) NOT NULL DEFAULT 0,  -- Σ insurance + patient effect of the day's movements
    placed             NUMERIC(16,2) NOT NULL DEFAULT 0,  -- balances placed with the agency that day
    movements          INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, day)
);

INSERT INTO kpi_day (practice_id, day, charges, payments, payment_reversals, adjustments, contractual, recovered,
                     balance_effect, movements)
SELECT practice_id, effective_date,
    COALESCE(SUM(amount) FILTER (WHERE type = 'CHARGE'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT_REVERSAL'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND COALESCE(entry_type, '') NOT IN ('TRANSFER', 'REVERSAL')), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT' AND method = 'AGENCY'), 0),
    COALESCE(SUM(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)), 0),
    count(*)
FROM movement GROUP BY practice_id, effective_date;

INSERT INTO kpi_day (practice_id, day, placed)
SELECT practice_id, placed_on, SUM(amount) FROM placement GROUP BY practice_id, placed_on
ON CONFLICT (practice_id, day) DO UPDATE SET placed = EXCLUDED.placed;

-- The work queue, kept: for each practice and day it was built for (work_queue_day), the accounts in the queue on
-- that day with their reason, tier and score (work_item), so that a page is an index range in the queue's order.
-- Built on a practice's first request for a day and by the daily job (for today); an account's items are
-- recomputed in the transaction of every change to what the queue reads of it (balance, dunning, plan, promise,
-- note, hold, placement, merge). Days before today are dropped by the daily job.
CREATE TABLE work_queue_day (
    practice_id  VARCHAR(40) NOT NULL,
    as_of        DATE        NOT NULL,
    built_at     TIMESTAMPTZ,            -- null while it is being built
    PRIMARY KEY (practice_id, as_of)
);

CREATE TABLE work_item (
    as_of                 DATE          NOT NULL,
    account_id            UUID          NOT NULL,
    practice_id           VARCHAR(40)   NOT NULL,
    tier                  SMALLINT      NOT NULL,
    score                 NUMERIC(18,2) NOT NULL,  -- patient balance × age in days on as_of
    age_days              INTEGER       NOT NULL,
    reason                VARCHAR(30)   NOT NULL,
    patient_balance       NUMERIC(14,2) NOT NULL,
    dunning_level         VARCHAR(20),
    promise_to_pay_until  DATE,
    last_worked_by        VARCHAR(200),
    PRIMARY KEY (account_id, as_of)
);
CREATE INDEX work_item_order ON work_item (practice_id, as_of, tier, score DESC, age_days DESC, account_id);
CREATE INDEX work_item_collector ON work_item (practice_id, as_of, last_worked_by, tier, score DESC, age_days DESC, account_id);

-- Holds whose `until` has passed are released by a daily job (CollectionHoldReleased EXPIRED).
CREATE INDEX collection_hold_until ON collection_hold (until, id) WHERE released_at IS NULL AND until IS NOT NULL;
