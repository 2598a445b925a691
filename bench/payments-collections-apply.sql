-- pgbench, bench/payments-collections-lag.sh's database reference: the work collections' consumer does for one partner
-- payment (its AccountBalanceChanged and its PaymentPosted) done one payment per transaction, one row per statement:
-- the account's lock and update, its aging_day delta, the movement and its kpi_day, the plan's look-up, the work
-- queue's row and the inbox's look-up and insert. The consumer does the same for a whole inbox batch in one
-- transaction, each as one statement over the batch's rows (AccountStore.LOCK_ALL / INSERT_ALL / UPDATE_ALL,
-- MovementStore.INSERT_ALL, PracticeDays, PlanStore.ACCOUNTS_COUNTED, WorkQueueStore, Inbox), so this is the dearer
-- way. One client: the consumer is one thread.
--   pgbench -n -f bench/payments-collections-apply.sql -D practice=lagbench -D accounts=100000 -c 1 -T 15 collections_lagbench
\set a random(1, :accounts)
\set cents random(100, 9099)
BEGIN;
SELECT i.id FROM unnest(ARRAY['lag-' || :a || '-' || :cents || '-' || :client_id, 'lag2-' || :a || '-' || :cents]) AS i (id)
CROSS JOIN LATERAL (SELECT FROM inbox_event e WHERE e.consumer = 'collections.events' AND e.event_id = i.id LIMIT 1) AS applied;
SELECT id, practice_id, patient_id, balance, insurance_balance, patient_balance, credit_balance, oldest_open_service_date,
       balance_version, promise_to_pay_until, promise_to_pay_amount, merged_into
FROM account WHERE id = md5('lag-account-' || :a)::uuid FOR UPDATE;
UPDATE account SET balance = balance - :cents / 100.0, patient_balance = patient_balance - :cents / 100.0,
       balance_version = balance_version + 1, updated_at = now()
WHERE id = md5('lag-account-' || :a)::uuid AND balance_version < 1000000;
INSERT INTO aging_day AS d (practice_id, service_date, accounts, patient_accounts, insurance_accounts, patient_balance,
                            insurance_balance)
SELECT practice_id, coalesce(oldest_open_service_date, DATE '9999-12-31'), 0, 0, 0, -:cents / 100.0, 0 FROM account WHERE id = md5('lag-account-' || :a)::uuid
ON CONFLICT (practice_id, service_date) DO UPDATE SET accounts = d.accounts + EXCLUDED.accounts,
    patient_accounts = d.patient_accounts + EXCLUDED.patient_accounts,
    insurance_accounts = d.insurance_accounts + EXCLUDED.insurance_accounts,
    patient_balance = d.patient_balance + EXCLUDED.patient_balance,
    insurance_balance = d.insurance_balance + EXCLUDED.insurance_balance;
INSERT INTO movement (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
    insurance_effect, patient_effect, claim_id, claim_line_id, payment_id, method, source, group_code, reason_code,
    reversal_of, service_date, effective_date, posted_at, account_version, learnt_at)
SELECT gen_random_uuid(), md5('lag-account-' || :a)::uuid, ':practice', md5('lag-patient-' || :a)::uuid, 'PAYMENT', 'CARD',
    'PAYMENT', :cents / 100.0, 'PATIENT', 0, -:cents / 100.0, md5('lag-claim-' || :a || '-1')::uuid,
    NULL, gen_random_uuid(), 'CARD', 'PARTNER_PAYMENT', NULL, NULL, NULL,
    (SELECT c.service_date FROM movement c WHERE c.claim_line_id = NULL AND c.type = 'CHARGE' ORDER BY c.effective_date LIMIT 1),
    current_date, now(), 10, now()
RETURNING id \gset m_
INSERT INTO kpi_day (practice_id, day, charges, payments, payment_reversals, adjustments, contractual, recovered,
    balance_effect, movements)
SELECT practice_id, effective_date, 0, amount, 0, 0, 0, 0, COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0), 1
FROM movement WHERE id = ':m_id'
ON CONFLICT (practice_id, day) DO UPDATE SET payments = kpi_day.payments + EXCLUDED.payments,
    balance_effect = kpi_day.balance_effect + EXCLUDED.balance_effect, movements = kpi_day.movements + 1;
SELECT id FROM payment_plan WHERE account_id = md5('lag-account-' || :a)::uuid
  AND status IN ('ACTIVE', 'LAPSED', 'COMPLETED') AND created_at <= now() ORDER BY created_at DESC LIMIT 1 FOR UPDATE;
SELECT q.as_of AS as_of, a.id, a.practice_id, a.patient_balance, a.oldest_open_service_date, a.promise_to_pay_until,
    a.merged_into,
    (SELECT d.level FROM account_dunning d WHERE d.account_id = a.id) AS level,
    (SELECT d.first_statement_on FROM account_dunning d WHERE d.account_id = a.id) AS first_statement_on,
    (SELECT pol.placement_after_days FROM practice_policy pol WHERE pol.practice_id = a.practice_id) AS placement_after_days,
    (SELECT pol.minimum_placement_balance FROM practice_policy pol WHERE pol.practice_id = a.practice_id)
        AS minimum_placement_balance,
    COALESCE((SELECT TRUE FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
            AND (h.until IS NULL OR h.until >= q.as_of) LIMIT 1), FALSE) AS held,
    COALESCE((SELECT TRUE FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL LIMIT 1), FALSE) AS placed,
    (SELECT pp.status FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status IN ('ACTIVE', 'LAPSED')) AS open_plan,
    COALESCE((SELECT TRUE FROM movement m WHERE m.account_id = a.id AND m.type = 'PAYMENT' AND m.responsibility = 'PATIENT'
            AND m.posted_at >= (SELECT MAX(n.created_at) FROM account_note n
                                WHERE n.account_id = a.id AND n.kind = 'PROMISE_TO_PAY') LIMIT 1), FALSE) AS paid_since_promise,
    (SELECT n.created_by FROM account_note n WHERE n.account_id = a.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1)
        AS last_worked_by
FROM account a JOIN work_queue_day q ON q.practice_id = a.practice_id WHERE a.id = ANY (ARRAY[md5('lag-account-' || :a)::uuid]);
DELETE FROM work_item WHERE account_id = ANY (ARRAY[md5('lag-account-' || :a)::uuid]);
INSERT INTO work_item (as_of, account_id, practice_id, tier, score, age_days, reason, patient_balance, dunning_level,
    promise_to_pay_until, last_worked_by)
SELECT current_date, id, practice_id, 2, patient_balance * 100, 100, 'OVER_90_DAYS', patient_balance, NULL, NULL, NULL
FROM account WHERE id = md5('lag-account-' || :a)::uuid
ON CONFLICT (account_id, as_of) DO UPDATE SET tier = EXCLUDED.tier, score = EXCLUDED.score, age_days = EXCLUDED.age_days,
    reason = EXCLUDED.reason, patient_balance = EXCLUDED.patient_balance;
INSERT INTO inbox_event (consumer, event_id, event_type, outcome, received_at)
SELECT 'collections.events', e.id, e.type, 'applied', now()
FROM unnest(ARRAY[gen_random_uuid()::text, gen_random_uuid()::text], ARRAY['AccountBalanceChanged', 'PaymentPosted'],
            ARRAY['applied', 'applied']) AS e (id, type, outcome)
ON CONFLICT DO NOTHING;
COMMIT;
