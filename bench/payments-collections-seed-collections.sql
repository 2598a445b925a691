-- bench/payments-collections-lag.sh: collections' read model of the practice that
-- bench/payments-collections-seed-payments.sql writes in payments (same formulas, same ids), as the consumer would have
-- learnt it from payments' and patients' events (schema from the service's own migrations):
--
--   psql -v practice=lagbench -v accounts=100000 -f bench/payments-collections-seed-collections.sql
--
-- account (balances and payments' version), aging_day (the accounts' parts by oldest open date of service), one
-- movement per ledger entry (CHARGE, the payer's PAYMENT, the CO-45 ADJUSTMENT, the PR-2 TRANSFER, with the effects
-- and dates of service MovementStore gives them), kpi_day (as V22's backfill sums the movements) and patient
-- (demographics, made up). No statements, plans, holds or notes yet: a practice before its first statement run.
\set ON_ERROR_STOP on
SELECT set_config('lag.practice', :'practice', false), set_config('lag.accounts', :'accounts', false) \g /dev/null

\ir payments-collections-seed-claims.sql

INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, address_line1, address_city,
                     address_state, address_postal_code, version, updated_at)
SELECT md5('lag-patient-' || a)::uuid, current_setting('lag.practice'), 'LG' || lpad(a::text, 8, '0'),
       (ARRAY['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'])[1 + a % 6],
       'Lag' || translate(lpad(a::text, 6, '0'), '0123456789', 'abcdefghij'),
       DATE '1950-01-01' + (a * 97) % 25000, (1 + a % 900) || ' Main St', 'Springfield', 'IL', '62704', 1,
       now() - interval '1 day'
FROM generate_series(1, current_setting('lag.accounts')::int) a;

INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance, credit_balance,
                     oldest_open_service_date, balance_version, first_seen_at, updated_at)
SELECT account_id, current_setting('lag.practice'), patient_id, sum(patient), 0, sum(patient), 0, min(service_date),
       1 + 2 * count(*), min(service_date) - 1 + time '08:00', max(service_date) + 14 + time '18:00'
FROM lag_claims GROUP BY account_id, patient_id;

INSERT INTO aging_day (practice_id, service_date, accounts, patient_accounts, insurance_accounts, patient_balance,
                       insurance_balance)
SELECT practice_id, oldest_open_service_date, count(*), count(*) FILTER (WHERE patient_balance > 0),
       count(*) FILTER (WHERE insurance_balance > 0), sum(greatest(patient_balance, 0)), sum(greatest(insurance_balance, 0))
FROM account WHERE practice_id = current_setting('lag.practice') AND (patient_balance > 0 OR insurance_balance > 0)
GROUP BY practice_id, oldest_open_service_date;

INSERT INTO movement (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
                      insurance_effect, patient_effect, claim_id, claim_line_id, payment_id, method, source, group_code,
                      reason_code, reversal_of, service_date, effective_date, posted_at, account_version, learnt_at)
SELECT md5('lag-' || e.name || '-' || c.a || '-' || c.k)::uuid, c.account_id, current_setting('lag.practice'),
       c.patient_id, e.type, e.kind, e.entry_type, e.amount, e.responsibility, e.insurance_effect, e.patient_effect,
       c.claim_id, c.line_id, NULL, e.method, e.source, e.group_code, e.reason_code, NULL, c.service_date,
       e.effective_date, e.effective_date + time '18:00',
       CASE WHEN e.n = 1 THEN 2 * c.k ELSE 2 * c.k + 1 END, e.effective_date + time '18:00:01'
FROM lag_claims c
CROSS JOIN LATERAL (VALUES
    (1, 'charge', 'CHARGE', NULL, 'CHARGE', c.charge, 'INSURANCE', c.charge, 0.00, NULL, 'CLAIM', NULL, NULL,
        c.service_date),
    (2, 'paid', 'PAYMENT', 'ERA', 'PAYMENT', c.charge - c.contractual - c.patient, 'INSURANCE',
        -(c.charge - c.contractual - c.patient), 0.00, 'ERA', 'REMITTANCE', NULL, NULL, c.service_date + 14),
    (3, 'co45', 'ADJUSTMENT', 'CONTRACTUAL', 'ADJUSTMENT', c.contractual, 'INSURANCE', -c.contractual, 0.00, NULL,
        'REMITTANCE', 'CO', '45', c.service_date + 14),
    (4, 'pr2', 'ADJUSTMENT', 'TRANSFER', 'TRANSFER', c.patient, 'PATIENT', -c.patient, c.patient, NULL, 'REMITTANCE',
        'PR', '2', c.service_date + 14)
) e (n, name, type, kind, entry_type, amount, responsibility, insurance_effect, patient_effect, method, source,
     group_code, reason_code, effective_date);

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
FROM movement WHERE practice_id = current_setting('lag.practice') GROUP BY practice_id, effective_date
ON CONFLICT (practice_id, day) DO UPDATE SET charges = kpi_day.charges + EXCLUDED.charges,
    payments = kpi_day.payments + EXCLUDED.payments, adjustments = kpi_day.adjustments + EXCLUDED.adjustments,
    contractual = kpi_day.contractual + EXCLUDED.contractual, balance_effect = kpi_day.balance_effect + EXCLUDED.balance_effect,
    movements = kpi_day.movements + EXCLUDED.movements;

-- the seed's own check: the aging's sums are the accounts', the accounts' balances their movements' effects
SELECT count(*) AS inconsistent, count(*) > 0 AS inconsistent_found FROM account a
LEFT JOIN (SELECT account_id, sum(insurance_effect) AS i, sum(patient_effect) AS p FROM movement GROUP BY account_id) s
       ON s.account_id = a.id
WHERE a.practice_id = current_setting('lag.practice')
  AND (a.insurance_balance <> coalesce(s.i, 0) OR a.patient_balance <> coalesce(s.p, 0)) \gset
\if :inconsistent_found
\echo 'seed:' :inconsistent 'accounts whose balances are not their movements'
\quit 1
\endif
VACUUM ANALYZE patient, account, aging_day, movement, kpi_day;
