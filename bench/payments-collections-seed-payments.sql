-- bench/payments-collections-lag.sh: one practice's ledger in payments, as claims' events and the payers' 835s would
-- have left it (schema from the service's own migrations: the service has started once on this database).
--
--   psql -v practice=lagbench -v accounts=100000 -f bench/payments-collections-seed-payments.sql
--
-- Account a (1..accounts): id md5('lag-account-a'), patient md5('lag-patient-a'), 1 + a % 2 claims. Claim k of account
-- a: id md5('lag-claim-a-k'), one line md5('lag-line-a-k'), date of service today - (15 + (7a + 131k) % 525) days
-- (two weeks to about 18 months old), charge 100.00 + (37a + 11k) % 400 + 0.25 (a % 4). Its entries, as app/Charges and
-- the 835 posting write them: the CHARGE (INSURANCE, source CLAIM), and 14 days later the payer's PAYMENT (INSURANCE,
-- method ERA, source REMITTANCE), a CO-45 contractual ADJUSTMENT (30 % of the charge) and a PR-2 coinsurance TRANSFER
-- to the patient (10-30 % of the allowed amount, 7.00 at least). So every account owes its patients' parts and
-- nothing on the insurance side; version = 1 (opened) + one posting per claim and one per remittance.
-- bench/payments-collections-seed-collections.sql writes collections' read model from the same formulas.
-- No outbox rows: collections learns these accounts from its own seed, not through 300,000 events.
\set ON_ERROR_STOP on
SELECT set_config('lag.practice', :'practice', false), set_config('lag.accounts', :'accounts', false) \g /dev/null

\ir payments-collections-seed-claims.sql

INSERT INTO account (id, patient_id, practice_id, insurance_sum, patient_sum, oldest_open_service_date, version,
                     patient_version, opened_at)
SELECT account_id, patient_id, current_setting('lag.practice'), 0, sum(patient), min(service_date), 1 + 2 * count(*), 1,
       min(service_date) - 1 + time '08:00'
FROM lag_claims GROUP BY account_id, patient_id;

INSERT INTO claim (id, account_id, practice_id, patient_id, coverage_id, payer_id, patient_control_number,
                   made_from_another, first_service_date, version)
SELECT claim_id, account_id, current_setting('lag.practice'), patient_id, md5('lag-coverage-' || a)::uuid,
       md5('lag-payer')::uuid, 'LG' || lpad(a::text, 8, '0') || k, false, service_date, 1
FROM lag_claims;

INSERT INTO claim_line (id, claim_id, line_number, procedure_code, charge_amount, service_date, current)
SELECT line_id, claim_id, 1, (ARRAY['99213', '99214', '85025', '80053', '93000', '71046'])[1 + (a + k) % 6], charge,
       service_date, true
FROM lag_claims;

INSERT INTO coverage (id, patient_id, practice_id, x12_payer_id, priority, effective_date, termination_date, version)
SELECT md5('lag-coverage-' || a)::uuid, patient_id, current_setting('lag.practice'), 'SBX01', 'PRIMARY',
       DATE '2024-01-01', NULL, 1
FROM lag_claims WHERE k = 1;

INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta, patient_delta,
                          claim_id, claim_line_id, group_code, reason_code, kind, source, source_reference, method,
                          effective_date, posted_at, actor)
SELECT md5('lag-' || e.name || '-' || c.a || '-' || c.k)::uuid, c.account_id, current_setting('lag.practice'), e.type,
       e.amount, e.responsibility, e.insurance_delta, e.patient_delta, c.claim_id, c.line_id, e.group_code, e.reason_code,
       e.kind, e.source, e.reference, e.method, e.effective_date, e.effective_date + time '18:00', e.actor
FROM lag_claims c
CROSS JOIN LATERAL (VALUES
    (1, 'charge', 'CHARGE', c.charge, 'INSURANCE', c.charge, 0.00, NULL, NULL, NULL, 'CLAIM', c.claim_id || ' v1', NULL,
        c.service_date, 'claims-events'),
    (2, 'paid', 'PAYMENT', c.charge - c.contractual - c.patient, 'INSURANCE', -(c.charge - c.contractual - c.patient), 0.00,
        NULL, NULL, NULL, 'REMITTANCE', 'LGTRN' || c.a || '-' || c.k, 'ERA', c.service_date + 14, 'era-posting'),
    (3, 'co45', 'ADJUSTMENT', c.contractual, 'INSURANCE', -c.contractual, 0.00, 'CO', '45', 'CONTRACTUAL', 'REMITTANCE',
        'LGTRN' || c.a || '-' || c.k, NULL, c.service_date + 14, 'era-posting'),
    (4, 'pr2', 'TRANSFER', c.patient, 'PATIENT', -c.patient, c.patient, 'PR', '2', NULL, 'REMITTANCE',
        'LGTRN' || c.a || '-' || c.k, NULL, c.service_date + 14, 'era-posting')
) e (n, name, type, amount, responsibility, insurance_delta, patient_delta, group_code, reason_code, kind, source,
     reference, method, effective_date, actor)
ORDER BY c.a, c.k, e.n;

-- the seed's own check: every account's stored sums are its entries' (what GET /accounts/{id}/verify recomputes)
SELECT count(*) AS inconsistent, count(*) > 0 AS inconsistent_found FROM account a
LEFT JOIN (SELECT account_id, sum(insurance_delta) AS i, sum(patient_delta) AS p FROM ledger_entry GROUP BY account_id) s
       ON s.account_id = a.id
WHERE a.practice_id = current_setting('lag.practice')
  AND (a.insurance_sum <> coalesce(s.i, 0) OR a.patient_sum <> coalesce(s.p, 0)) \gset
\if :inconsistent_found
\echo 'seed:' :inconsistent 'accounts whose balances are not their entries'
\quit 1
\endif
VACUUM ANALYZE account, claim, claim_line, coverage, ledger_entry;
