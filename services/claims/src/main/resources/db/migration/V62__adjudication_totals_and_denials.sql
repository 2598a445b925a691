-- Claims part 2 (h-adjudication): what an adjudication did to the claim, and the denials work queue.

-- The claim's status before and after each payer answer, the readable reason, and the totals the
-- ClaimAdjudicated event and GET /claims/{id}/adjudications show (sums of the lines when the 835 has lines).
ALTER TABLE claim_adjudication ADD COLUMN from_status TEXT;
ALTER TABLE claim_adjudication ADD COLUMN to_status TEXT;
ALTER TABLE claim_adjudication ADD COLUMN reason TEXT;
ALTER TABLE claim_adjudication ADD COLUMN allowed NUMERIC(12, 2);

-- One row per claim in the denials work queue (DENIED, or PARTIALLY_PAID with denial adjustments): its
-- newest adjudication's denials. Deleted when a later answer pays the claim or reopens it.
CREATE TABLE claim_denial (
    claim_id         UUID PRIMARY KEY REFERENCES claim (id),
    practice_id      TEXT NOT NULL,
    payer_id         UUID,                          -- claims' payer of the claim's coverage
    adjudication_id  UUID NOT NULL REFERENCES claim_adjudication (id),
    patient_control_number     TEXT NOT NULL,
    payer_claim_control_number TEXT,
    status           TEXT NOT NULL CHECK (status IN ('DENIED', 'PARTIALLY_PAID')),
    denied_amount    NUMERIC(12, 2) NOT NULL,       -- the sum of the denial adjustments
    denied_on        DATE NOT NULL,                 -- the 835's paid date (BPR16), else the day it arrived
    suggested_action TEXT NOT NULL,                 -- DenialActions.Action of the largest denial
    reasons          JSONB NOT NULL                 -- [{groupCode, reasonCode, remarkCode?, amount, lineNumber?}]
);

-- The queue's order, one row per claim (carc '*') and one per distinct CARC of its denials, so that each
-- filter (practice; payer; CARC) is an index prefix in the queue's order and a page reads its LIMIT only.
-- priority = denied_amount × (age in days + 1) as of priority_as_of; refreshed once a day (AdjudicationRepository.REFRESH).
CREATE TABLE claim_denial_entry (
    claim_id       UUID NOT NULL REFERENCES claim_denial (claim_id) ON DELETE CASCADE,
    carc           TEXT NOT NULL,
    practice_id    TEXT NOT NULL,
    payer_id       UUID,
    denied_amount  NUMERIC(12, 2) NOT NULL,
    denied_on      DATE NOT NULL,
    priority       NUMERIC(16, 2) NOT NULL,
    priority_as_of DATE NOT NULL,
    PRIMARY KEY (claim_id, carc)
);
CREATE INDEX claim_denial_queue ON claim_denial_entry (practice_id, carc, priority, claim_id);
CREATE INDEX claim_denial_queue_by_payer ON claim_denial_entry (practice_id, payer_id, carc, priority, claim_id);
CREATE INDEX claim_denial_stale ON claim_denial_entry (priority_as_of);
