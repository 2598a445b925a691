-- bench/payments-835.sh: the database work of posting one 835 of :m claims, as POST /remittances does it — in ONE
-- transaction (the service posts the whole file in one) — but set-based: each step is one statement over the
-- whole file instead of the service's per-account statements. What the database needs for the same rows; the
-- service's figure beside it shows the cost of its round trips and of the JVM.
--   pgbench -n -t 1 -c 1 -D first=.. -D stride=.. -D m=10000 -D run=.. -f (this file, @PRACTICE@ replaced)
-- The claims paid are n = :first + i * :stride (i < :m), the same formulas as bench/gen835.py: per line allowed
-- 70 % of the charge, CO-45 the rest, a patient share by (n + l) % 4 (kept with insurance when the patient has a
-- SECONDARY coverage), every 97th claim (i % 97 = 48) denied. Rows written, as the service writes them:
-- remittance (its identity row first, the answer last), per line PAYMENT / ADJUSTMENT / TRANSFER ledger entries,
-- each account's balances, oldest open date and version (under its row lock, in account id order), one outbox
-- event per entry, one AccountBalanceChanged per account and one RemittancePosted per claim (payloads of the
-- service's sizes), one remittance_claim row per CLP (its result as JSON), the PLB rows.
BEGIN;
INSERT INTO remittance (id, practice_id, payer_id, trace_number, payer_name, payment_amount, payment_date, source,
                        source_reference, received_by, received_at)
VALUES (md5('pgbench-835-' || :run)::uuid, '@PRACTICE@', '1512345678', 'PGB835-' || :run, 'SANDBOX HEALTH PLAN',
        1990069.80, DATE '2026-11-30', 'API', NULL, 'pgbench', now())
ON CONFLICT (payer_id, trace_number) DO NOTHING;
-- the file's claims by patient control number, their lines, the patients' coverages (as the service reads them)
CREATE TEMP TABLE pgb_claim ON COMMIT DROP AS
SELECT f.i, f.n, k.id AS claim_id, k.account_id, k.patient_id
FROM (SELECT i, :first + i * :stride AS n FROM generate_series(0, :m - 1) i) f
JOIN claim k ON k.practice_id = '@PRACTICE@' AND k.patient_control_number = 'BP' || lpad(f.n::text, 10, '0');
SELECT claim_id, id, line_number, procedure_code, service_date FROM claim_line
WHERE claim_id = ANY (ARRAY(SELECT claim_id FROM pgb_claim)) AND current ORDER BY claim_id, line_number;
SELECT patient_id, id, x12_payer_id, priority, effective_date, termination_date FROM coverage
WHERE practice_id = '@PRACTICE@' AND patient_id = ANY (ARRAY(SELECT patient_id FROM pgb_claim));
-- the plan (the service keeps it in memory)
CREATE TEMP TABLE pgb_entry ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, c.account_id, c.claim_id, l.id AS line_id, e.type, e.amount, e.responsibility,
       e.insurance_delta, e.patient_delta, e.group_code, e.reason_code, l.service_date
FROM pgb_claim c
JOIN claim_line l ON l.claim_id = c.claim_id AND l.current
CROSS JOIN LATERAL (SELECT round(l.charge_amount * 0.70, 2) AS allowed,
                           EXISTS (SELECT 1 FROM coverage v WHERE v.patient_id = c.patient_id
                                   AND v.practice_id = '@PRACTICE@' AND v.priority = 'SECONDARY') AS kept) a
CROSS JOIN LATERAL (SELECT CASE (c.n + l.line_number) % 4 WHEN 0 THEN least(20, a.allowed)
                                WHEN 1 THEN round(a.allowed * 0.20, 2) WHEN 2 THEN 15.00 ELSE 0 END AS share) s
CROSS JOIN LATERAL (VALUES
    ('PAYMENT', a.allowed - s.share, 'INSURANCE', -(a.allowed - s.share), 0, NULL, NULL),
    ('ADJUSTMENT', l.charge_amount - a.allowed, 'INSURANCE', -(l.charge_amount - a.allowed), 0, 'CO', '45'),
    ('TRANSFER', CASE WHEN a.kept THEN 0 ELSE s.share END, 'PATIENT', -s.share, s.share, 'PR',
     ((c.n + l.line_number) % 4 + 1)::text)
) e (type, amount, responsibility, insurance_delta, patient_delta, group_code, reason_code)
WHERE c.i % 97 <> 48 AND e.amount > 0;
ANALYZE pgb_claim;
ANALYZE pgb_entry;
-- each account locked, in id order
SELECT id, patient_id, practice_id, insurance_sum, patient_sum, bad_debt_open, oldest_open_service_date, merged_into,
       version, patient_version
FROM account WHERE id = ANY (ARRAY(SELECT DISTINCT account_id FROM pgb_claim)) ORDER BY id FOR UPDATE;
INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta, patient_delta,
                          claim_id, claim_line_id, group_code, reason_code, remark_code, kind, source, source_reference,
                          effective_date, posted_at, actor)
SELECT id, account_id, '@PRACTICE@', type, amount, responsibility, insurance_delta, patient_delta, claim_id, line_id,
       group_code, reason_code, NULL, CASE WHEN group_code = 'CO' THEN 'CONTRACTUAL' END, 'REMITTANCE',
       md5('pgbench-835-' || :run)::uuid::text, DATE '2026-11-30', now(), 'pgbench'
FROM pgb_entry ORDER BY account_id, claim_id, line_id;
-- balances, the oldest open claim (the service's OLDEST_OPEN per account) and the version
UPDATE account a
SET insurance_sum = a.insurance_sum + d.insurance, patient_sum = a.patient_sum + d.patient, version = a.version + 1,
    oldest_open_service_date = (SELECT min(k.first_service_date) FROM claim k
                                WHERE k.account_id = a.id AND (SELECT coalesce(sum(e.insurance_delta + e.patient_delta), 0)
                                                               FROM ledger_entry e WHERE e.claim_id = k.id) > 0),
    credit_since = CASE WHEN a.insurance_sum + d.insurance < 0 OR a.patient_sum + d.patient < 0
                        THEN coalesce(a.credit_since, now()) END
FROM (SELECT c.account_id, coalesce(sum(e.insurance_delta), 0) AS insurance, coalesce(sum(e.patient_delta), 0) AS patient
      FROM (SELECT DISTINCT account_id FROM pgb_claim) c LEFT JOIN pgb_entry e ON e.account_id = c.account_id
      GROUP BY c.account_id) d
WHERE a.id = d.account_id;
-- events: one per entry (~650 bytes), one AccountBalanceChanged per account (~500), one RemittancePosted per claim
-- (~1,000 + 450 per line)
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
SELECT gen_random_uuid(), 'revcycle.payments.events.v1', account_id::text,
       CASE type WHEN 'PAYMENT' THEN 'PaymentPosted' ELSE 'AdjustmentPosted' END,
       rpad(json_build_object('entryId', id, 'accountId', account_id, 'claimId', claim_id, 'claimLineId', line_id,
                              'amount', amount, 'responsibility', responsibility)::text, 650, ' '), now()
FROM pgb_entry
UNION ALL
SELECT gen_random_uuid(), 'revcycle.payments.events.v1', account_id::text, 'AccountBalanceChanged',
       rpad(json_build_object('accountId', account_id)::text, 500, ' '), now()
FROM (SELECT DISTINCT account_id FROM pgb_claim) a
UNION ALL
SELECT gen_random_uuid(), 'revcycle.payments.events.v1', c.account_id::text, 'RemittancePosted',
       rpad(json_build_object('claimId', c.claim_id, 'accountId', c.account_id)::text,
            1000 + 450 * (SELECT count(*) FROM claim_line l WHERE l.claim_id = c.claim_id)::int, ' '), now()
FROM pgb_claim c;
-- the per-claim results (~1,200 bytes of JSON each + 500 per line)
INSERT INTO remittance_claim (remittance_id, position, patient_control_number, payer_claim_control_number, status_code,
                              claim_id, account_id, outcome, unapplied_id, result)
SELECT md5('pgbench-835-' || :run)::uuid, 14 + c.i * 18, 'BP' || lpad(c.n::text, 10, '0'), 'PCC' || c.i,
       CASE WHEN c.i % 97 = 48 THEN '4' ELSE '1' END, c.claim_id, c.account_id,
       CASE WHEN c.i % 97 = 48 THEN 'DENIED' ELSE 'POSTED' END, NULL,
       json_build_object('claimId', c.claim_id, 'accountId', c.account_id, 'entries', e.ids,
                         'pad', repeat('x', 1200 + 500 * (SELECT count(*) FROM claim_line l WHERE l.claim_id = c.claim_id)::int))::jsonb
FROM pgb_claim c
LEFT JOIN (SELECT claim_id, json_agg(id) AS ids FROM pgb_entry GROUP BY claim_id) e ON e.claim_id = c.claim_id;
INSERT INTO plb_entry (id, remittance_id, practice_id, provider_id, fiscal_period, reason_code, reference, amount,
                       effective_date, posted_at)
VALUES (gen_random_uuid(), md5('pgbench-835-' || :run)::uuid, '@PRACTICE@', '1234567893', DATE '2026-12-31', 'L6',
        'INTEREST1', -12.34, DATE '2026-11-30', now()),
       (gen_random_uuid(), md5('pgbench-835-' || :run)::uuid, '@PRACTICE@', '1234567893', DATE '2026-12-31', 'WO',
        'RECOUP1', 25.00, DATE '2026-11-30', now());
UPDATE remittance SET answer = jsonb_build_object('claimsPosted', (SELECT count(*) FROM pgb_claim), 'pad', repeat('x', 4000))
WHERE id = md5('pgbench-835-' || :run)::uuid;
COMMIT;
