-- What one partner payment runs in PostgreSQL, done directly by pgbench: the yardstick for bench/payments.sh.
-- The same statements, in the same order and in one transaction, as POST /payments (IdempotencyKeys,
-- PartnerPayments, Posting, LedgerStore, Outbox) for a payment without allocations: the idempotency key's
-- advisory lock and its record, the account's row lock, the open claims when the patient owes something, the
-- payment row with its split, Posting's own lock and closed-month check, the ledger entry, the oldest open
-- service date, the balance update, two outbox events (PaymentPosted, AccountBalanceChanged) and the stored
-- response. Simplified: one entry per payment (the service writes a second, the credit, once a payment is
-- larger than what the patient owes), and no JSON, HTTP, JWT or Java. bench/payments.sh replaces @PRACTICE@
-- and @ACCOUNTS@.
\set n random(1, 1000000000)
\set a random(1, @ACCOUNTS@)
\set lock :n * 100 + :client_id
BEGIN;
SELECT pg_try_advisory_xact_lock(:lock);
SELECT request_hash, state, response_status, response_body, response_location, created_at
FROM idempotency_record WHERE scope = 'POST /payments|bench' AND idempotency_key = 'k' || :n || '-' || :client_id;
SELECT id AS account, patient_sum AS owed, patient_id, practice_id, insurance_sum, bad_debt_open, oldest_open_service_date,
    merged_into, version, patient_version
FROM account WHERE id = (SELECT id FROM bench_accounts WHERE n = :a) FOR UPDATE \gset
\if :owed > 0
SELECT c.id, s.open FROM claim c
CROSS JOIN LATERAL (SELECT coalesce(sum(e.patient_delta), 0) AS open FROM ledger_entry e WHERE e.claim_id = c.id) s
WHERE c.account_id = ':account' AND s.open > 0 ORDER BY c.first_service_date, c.id LIMIT 200;
\endif
INSERT INTO payment (id, account_id, practice_id, amount, method, reference, partner_key, partner_id, received_at, applied,
    recovered, credited, posted_at, actor)
VALUES (gen_random_uuid(), ':account', '@PRACTICE@', 10, 'CARD', 'r' || :n || '-' || :client_id, 'practice:@PRACTICE@', NULL,
    now(), 10, 0, 0, now(), 'bench') ON CONFLICT (partner_key, reference) DO NOTHING;
SELECT id, patient_id, practice_id, insurance_sum, patient_sum, bad_debt_open, oldest_open_service_date, merged_into, version,
    patient_version FROM account WHERE id = ':account' FOR UPDATE;
SELECT 1 FROM period_close WHERE practice_id = '@PRACTICE@' AND month = date_trunc('month', CURRENT_DATE)::date;
INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta, patient_delta, claim_id,
    claim_line_id, group_code, reason_code, remark_code, kind, source, source_reference, payment_id, method, partner_id,
    effective_date, posted_at, actor, reversal_of)
VALUES (gen_random_uuid(), ':account', '@PRACTICE@', 'PAYMENT', 10, 'PATIENT', 0, -10, NULL, NULL, NULL, NULL, NULL, NULL,
    'PARTNER_PAYMENT', 'r' || :n || '-' || :client_id, gen_random_uuid(), 'CARD', NULL, CURRENT_DATE, now(), 'bench', NULL);
SELECT min(c.first_service_date) FROM claim c
WHERE c.account_id = ':account' AND (SELECT coalesce(sum(e.insurance_delta + e.patient_delta), 0)
                                     FROM ledger_entry e WHERE e.claim_id = c.id) > 0;
UPDATE account SET insurance_sum = insurance_sum, patient_sum = patient_sum - 10, bad_debt_open = bad_debt_open,
    oldest_open_service_date = oldest_open_service_date, version = version + 1,
    credit_since = CASE WHEN patient_sum - 10 < 0 THEN coalesce(credit_since, now()) END WHERE id = ':account';
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
VALUES (gen_random_uuid(), 'revcycle.payments.events.v1', ':account', 'PaymentPosted', repeat('x', 575), now());
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
VALUES (gen_random_uuid(), 'revcycle.payments.events.v1', ':account', 'AccountBalanceChanged', repeat('x', 380), now());
INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, response_status, response_body,
    response_location, created_at, completed_at)
VALUES ('POST /payments|bench', 'k' || :n || '-' || :client_id, 'hmac-sha256:' || md5(:n::text), 'COMPLETED', 201,
    repeat('x', 420), '/payments/x', now(), now())
ON CONFLICT (scope, idempotency_key) DO UPDATE
SET state = 'COMPLETED', response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body,
    response_location = EXCLUDED.response_location, created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at
WHERE idempotency_record.state = 'IN_PROGRESS' AND idempotency_record.request_hash = EXCLUDED.request_hash
    AND idempotency_record.created_at < now() - interval '5 minutes';
COMMIT;
