-- Request fingerprints were plain SHA-256 digests of the request, which holds PHI (an SSN, a member
-- id): with the patient row at hand a guess could be confirmed without any key. They are keyed
-- HMACs now ('hmac-sha256:' + hex); the old digests are erased. A retry with an old key is then
-- refused as a different request (422), never replayed wrongly or run twice.
UPDATE idempotency_record SET request_hash = 'erased' WHERE request_hash NOT LIKE 'hmac-sha256:%';
