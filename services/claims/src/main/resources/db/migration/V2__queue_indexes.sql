-- The queues (GET /claims) by cursor: every equality filter in the prefix of an index in the queue's
-- order (status_changed_at, id) within a practice, so that a page streams into its LIMIT.
--   practice                 claim_by_practice (V1)
--   practice, status         claim_queue (V1)
--   practice, payer          claim_by_practice_payer
--   practice, payer, status  claim_queue_by_payer
--   patient (+ anything)     claim_by_patient (V1): one patient's claims
-- claim_by_payer (payer first, across practices) served none of them.
DROP INDEX claim_by_payer;
CREATE INDEX claim_by_practice_payer ON claim (practice_id, payer_id, status_changed_at, id);
CREATE INDEX claim_queue_by_payer ON claim (practice_id, payer_id, status, status_changed_at, id);
