-- What one partner payment writes, done directly by pgbench: the yardstick for bench/payments.sh.
-- The idempotency claim, the account's row lock, the payment row, its ledger entry, the balance update and
-- two outbox events (PaymentPosted, AccountBalanceChanged), the idempotency completion — one transaction
-- (bench/payments.sh replaces @PRACTICE@).
\set n random(1, 1000000000)
\set a random(1, 1000)
BEGIN;
INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, created_at)
VALUES ('POST /payments|bench', 'k' || :n || '-' || :client_id, md5(:n::text), 'IN_PROGRESS', now()) ON CONFLICT DO NOTHING;
SELECT id, insurance_sum, patient_sum FROM account WHERE id = (SELECT id FROM bench_accounts WHERE n = :a) FOR UPDATE;
INSERT INTO payment (id, account_id, practice_id, amount, method, reference, partner_key, received_at, applied, recovered,
    credited, posted_at, actor)
VALUES (gen_random_uuid(), (SELECT id FROM bench_accounts WHERE n = :a), '@PRACTICE@', 10, 'CARD', 'r' || :n || '-' || :client_id,
    'practice:@PRACTICE@', now(), 0, 0, 10, now(), 'bench');
INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta, patient_delta, source,
    effective_date, posted_at, actor)
VALUES (gen_random_uuid(), (SELECT id FROM bench_accounts WHERE n = :a), '@PRACTICE@', 'PAYMENT', 10, 'PATIENT', 0, -10,
    'PARTNER_PAYMENT', CURRENT_DATE, now(), 'bench');
UPDATE account SET patient_sum = patient_sum - 10, version = version + 1 WHERE id = (SELECT id FROM bench_accounts WHERE n = :a);
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
VALUES (gen_random_uuid(), 'revcycle.payments.events.v1', :a::text, 'PaymentPosted', repeat('x', 480), now()),
       (gen_random_uuid(), 'revcycle.payments.events.v1', :a::text, 'AccountBalanceChanged', repeat('x', 300), now());
UPDATE idempotency_record SET state = 'COMPLETED', response_status = 201, completed_at = now()
WHERE scope = 'POST /payments|bench' AND idempotency_key = 'k' || :n || '-' || :client_id;
COMMIT;
