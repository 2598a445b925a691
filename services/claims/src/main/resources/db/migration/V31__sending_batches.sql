-- The sweeper of batches left SENDING (app/ResolvingStaleBatches): the oldest first, over the few SENDING rows.
-- The predicate names sent_at too (always NULL while SENDING) so that the in-flight check of a submission
-- (status = 'SENDING' alone) keeps going through submission_batch_claim's claim_id index, not this one.
CREATE INDEX submission_batch_sending ON submission_batch (created_at) WHERE status = 'SENDING' AND sent_at IS NULL;
