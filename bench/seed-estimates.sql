-- bench/estimates.sh: a practice (:practice) with :patients patients, each with a coverage of one payer and its latest
-- eligibility benefits (deductible 500.00 left of 1500.00, coinsurance 20 %, out-of-pocket 4500.00 left), a charge
-- master of 2,000 codes (three dated versions each) and the payer's fee schedule (two versions of 2,000 rates).
-- Patient i: md5('est-patient-' || i)::uuid, coverage md5('est-coverage-' || i)::uuid; codes 'E' || 4 digits.
INSERT INTO known_patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, applied_version, updated_at)
SELECT md5('est-patient-' || i)::uuid, :'practice', 'EM' || i, 'Pat', 'Estimate' || i, DATE '1950-01-01' + (i % 20000),
    'F', 1, now()
FROM generate_series(1, :patients) i ON CONFLICT DO NOTHING;
INSERT INTO known_coverage (id, patient_id, practice_id, payer_id, payer_name, payer_type, x12_payer_id, timely_filing_days,
    member_id, priority, subscriber_relationship, effective_date, applied_version, updated_at)
SELECT md5('est-coverage-' || i)::uuid, md5('est-patient-' || i)::uuid, :'practice', md5('est-payer')::uuid,
    'Sandbox Health', 'COMMERCIAL', 'SBX01', 365, 'M' || i, 'PRIMARY', 'SELF', DATE '2026-01-01', 1, now()
FROM generate_series(1, :patients) i ON CONFLICT DO NOTHING;
INSERT INTO latest_eligibility (coverage_id, check_id, patient_id, practice_id, service_date, status, plan_begin, plan_end,
    learnt_at, copay, coinsurance_percent, deductible, deductible_remaining, out_of_pocket, out_of_pocket_remaining)
SELECT md5('est-coverage-' || i)::uuid, gen_random_uuid(), md5('est-patient-' || i)::uuid, :'practice', DATE '2026-11-01',
    'ACTIVE', DATE '2026-01-01', DATE '2026-12-31', now(), NULL, 20, 1500, 500, 6000, 4500
FROM generate_series(1, :patients) i ON CONFLICT DO NOTHING;
INSERT INTO charge_master (practice_id, item_count, version, updated_at, updated_by)
VALUES (:'practice', 6000, 1, now(), 'bench') ON CONFLICT DO NOTHING;
INSERT INTO charge_master_item (practice_id, procedure_code, modifier, description, standard_charge, cash_price,
    effective_from, effective_to)
SELECT :'practice', 'E' || lpad((i / 3)::text, 4, '0'), '', 'bench item', 100 + (i % 97), 60 + (i % 41),
    DATE '2024-01-01' + (i % 3) * 366, CASE WHEN i % 3 < 2 THEN DATE '2024-12-31' + (i % 3) * 366 END
FROM generate_series(0, 5999) i ON CONFLICT DO NOTHING;
INSERT INTO fee_schedule_version (id, practice_id, payer_id, effective_from, rate_count, version, created_at, created_by)
VALUES (md5('est-version-2025')::uuid, :'practice', md5('est-payer')::uuid, DATE '2025-01-01', 2000, 1, now(), 'bench'),
       (md5('est-version-2026')::uuid, :'practice', md5('est-payer')::uuid, DATE '2026-01-01', 2000, 1, now(), 'bench')
ON CONFLICT DO NOTHING;
INSERT INTO fee_schedule_rate (version_id, procedure_code, modifier, allowed)
SELECT v, 'E' || lpad(i::text, 4, '0'), '', 70 + (i % 23)
FROM generate_series(0, 1999) i, unnest(ARRAY[md5('est-version-2025')::uuid, md5('est-version-2026')::uuid]) v
ON CONFLICT DO NOTHING;
ANALYZE;
