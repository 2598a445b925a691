-- pgbench: what POST /estimates reads and writes for an insured patient with three codes, in one transaction
-- (patient, coverage, per code the charge-master item and its fee schedule rate, the version, the benefits, the
-- estimate row and its audit row). @PRACTICE@ and @PATIENTS@ are substituted by bench/estimates.sh.
\set i random(1, @PATIENTS@)
\set a random(0, 1999)
\set b random(0, 1999)
\set c random(0, 1999)
BEGIN;
SELECT practice_id, merged_into FROM known_patient WHERE id = md5('est-patient-' || :i)::uuid;
SELECT practice_id, patient_id, payer_id FROM known_coverage WHERE id = md5('est-coverage-' || :i)::uuid;
SELECT standard_charge, cash_price, effective_to FROM charge_master_item WHERE practice_id = '@PRACTICE@' AND procedure_code = 'E' || lpad(:a::text, 4, '0') AND modifier = '' AND effective_from <= DATE '2026-11-20' ORDER BY effective_from DESC LIMIT 1;
SELECT standard_charge, cash_price, effective_to FROM charge_master_item WHERE practice_id = '@PRACTICE@' AND procedure_code = 'E' || lpad(:b::text, 4, '0') AND modifier = '' AND effective_from <= DATE '2026-11-20' ORDER BY effective_from DESC LIMIT 1;
SELECT standard_charge, cash_price, effective_to FROM charge_master_item WHERE practice_id = '@PRACTICE@' AND procedure_code = 'E' || lpad(:c::text, 4, '0') AND modifier = '' AND effective_from <= DATE '2026-11-20' ORDER BY effective_from DESC LIMIT 1;
SELECT id FROM fee_schedule_version WHERE practice_id = '@PRACTICE@' AND payer_id = md5('est-payer')::uuid AND effective_from <= DATE '2026-11-20' ORDER BY effective_from DESC LIMIT 1;
SELECT allowed FROM fee_schedule_rate WHERE version_id = md5('est-version-2026')::uuid AND procedure_code = 'E' || lpad(:a::text, 4, '0') AND modifier = '';
SELECT allowed FROM fee_schedule_rate WHERE version_id = md5('est-version-2026')::uuid AND procedure_code = 'E' || lpad(:b::text, 4, '0') AND modifier = '';
SELECT allowed FROM fee_schedule_rate WHERE version_id = md5('est-version-2026')::uuid AND procedure_code = 'E' || lpad(:c::text, 4, '0') AND modifier = '';
SELECT check_id, copay, coinsurance_percent, deductible_remaining, out_of_pocket_remaining FROM latest_eligibility WHERE coverage_id = md5('est-coverage-' || :i)::uuid;
INSERT INTO estimate (id, practice_id, patient_id, coverage_id, payer_id, service_date, lines, total_charge, total_allowed, total_patient_responsibility, assumptions, created_at, created_by) VALUES (gen_random_uuid(), '@PRACTICE@', md5('est-patient-' || :i)::uuid, md5('est-coverage-' || :i)::uuid, md5('est-payer')::uuid, DATE '2026-11-20', '[{"procedureCode":"E0001","charge":100.00,"allowed":70.00,"patientResponsibility":70.00}]', 300, 210, 210, '["pgbench"]', now(), 'pgbench');
INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome) VALUES (now(), 'pgbench', 'CREATE', 'estimate', gen_random_uuid(), '@PRACTICE@', 'SUCCESS');
END;
