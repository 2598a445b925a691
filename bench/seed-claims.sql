-- bench/claims.sh: a practice (:practice) with one billing provider, :patients patients and their
-- coverages in claims' read model (as the patients and eligibility events would have left them),
-- and :claims claims already on file (two lines each), so that claim creation is measured at size.
-- Patient i: id md5('bench-patient-' || i)::uuid, MRN 'BM' || i, name Pat Bench<i>, member id 'M' || i.
INSERT INTO provider (id, practice_id, npi, name, entity_type, taxonomy_code, tax_id, address_line1, address_city,
    address_state, address_postal_code, default_billing, version, created_at, updated_at)
VALUES (md5('bench-provider')::uuid, :'practice', '1234567893', 'Bench Clinic', 'ORGANIZATION', '207Q00000X', '371234567',
    '1 Clinic Way', 'Springfield', 'IL', '627041234', true, 1, now(), now())
ON CONFLICT DO NOTHING;
INSERT INTO known_patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, address_line1, address_city,
    address_state, address_postal_code, applied_version, updated_at)
SELECT md5('bench-patient-' || i)::uuid, :'practice', 'BM' || i, 'Pat', 'Bench' || i, DATE '1940-01-01' + (i % 25000),
    'F', '12 Main St', 'Springfield', 'IL', '62704', 1, now()
FROM generate_series(1, :patients) i
ON CONFLICT DO NOTHING;
INSERT INTO known_coverage (id, patient_id, practice_id, payer_id, payer_name, payer_type, x12_payer_id, timely_filing_days,
    member_id, priority, subscriber_relationship, effective_date, applied_version, updated_at)
SELECT md5('bench-coverage-' || i)::uuid, md5('bench-patient-' || i)::uuid, :'practice', md5('bench-payer')::uuid,
    'Sandbox Health', 'COMMERCIAL', 'SBX01', 365, 'M' || i, 'PRIMARY', 'SELF', DATE '2026-01-01', 1, now()
FROM generate_series(1, :patients) i
ON CONFLICT DO NOTHING;
INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
    billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date, frequency_code, version,
    created_at, updated_at, status_changed_at)
SELECT gen_random_uuid(), :'practice', md5('bench-patient-' || (1 + i % :patients))::uuid,
    md5('bench-coverage-' || (1 + i % :patients))::uuid, md5('bench-payer')::uuid, 'PROFESSIONAL',
    (ARRAY['DRAFT','READY','SUBMITTED','ACCEPTED','REJECTED'])[1 + i % 5], 'SEED' || lpad(i::text, 12, '0'),
    md5('bench-provider')::uuid, '11', ARRAY['E11.9', 'I10'],
    ('[{"lineId":"' || gen_random_uuid() || '","lineNumber":1,"procedureCode":"99213","modifiers":[],"units":1,'
      || '"chargeAmount":125.00,"serviceDate":"2026-11-01","diagnosisPointers":[1]},{"lineId":"' || gen_random_uuid()
      || '","lineNumber":2,"procedureCode":"81002","modifiers":[],"units":1,"chargeAmount":25.00,'
      || '"serviceDate":"2026-11-01","diagnosisPointers":[1,2]}]')::jsonb,
    150.00, DATE '2026-01-01' + (i % 330), '1', 1, now(), now(), now() - (i % 400) * interval '1 day'
FROM generate_series(1, :claims) i;
ANALYZE;
