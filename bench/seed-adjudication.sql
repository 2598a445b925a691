-- bench/claims-adjudication.sh: :n claims of the practice (:practice, seeded by seed-claims.sql) awaiting the payer's
-- answer (SUBMITTED, two lines: 99213 125.00 and 81002 25.00), with deterministic ids so that the 835's events can be
-- generated without reading the database: claim i is md5('adj-claim-' || i)::uuid, CLM01 'AJ' || lpad(i, 10, '0').
-- Run before every round: it puts them back to SUBMITTED and takes them out of the denials queue. Earlier rounds'
-- adjudications, lines and history stay, as a service's do (each round's remittance has a new id): emptying those
-- tables and then analysing them, as this script did, left PostgreSQL planning the lines' foreign-key check on an
-- empty claim_adjudication while 10,000 rows went in, and the round slowed down batch after batch (20 ms → 1.8 s for
-- one batch's lines).
DELETE FROM claim_denial WHERE practice_id = :'practice';
DELETE FROM outbox_event;
INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
    billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date, frequency_code, version,
    created_at, updated_at, status_changed_at)
SELECT md5('adj-claim-' || i)::uuid, :'practice', md5('bench-patient-' || (1 + i % 1000))::uuid,
    md5('bench-coverage-' || (1 + i % 1000))::uuid, md5('bench-payer')::uuid, 'PROFESSIONAL', 'SUBMITTED',
    'AJ' || lpad(i::text, 10, '0'), md5('bench-provider')::uuid, '11', ARRAY['E11.9', 'I10'],
    ('[{"lineId":"' || md5('adj-line-' || i || '-1')::uuid || '","lineNumber":1,"procedureCode":"99213","modifiers":[],'
      || '"units":1,"chargeAmount":125.00,"serviceDate":"2026-11-01","diagnosisPointers":[1]},{"lineId":"'
      || md5('adj-line-' || i || '-2')::uuid || '","lineNumber":2,"procedureCode":"81002","modifiers":[],"units":1,'
      || '"chargeAmount":25.00,"serviceDate":"2026-11-01","diagnosisPointers":[1,2]}]')::jsonb,
    150.00, DATE '2026-11-01', '1', 3, now(), now(), now() - interval '20 days'
FROM generate_series(1, :n) i
ON CONFLICT (id) DO UPDATE SET status = 'SUBMITTED', version = 3, paid_amount = NULL,
    payer_claim_control_number = NULL, adjudicated_at = NULL, status_changed_at = EXCLUDED.status_changed_at;
