-- What creating one claim writes, done directly by pgbench: the yardstick for bench/claims.sh
-- (it replaces @PRACTICE@ and @PATIENTS@). The same statements as POST /claims in one transaction:
-- the patient and coverage from the read model, the billing provider, the next patient control
-- number, the claim row with its two lines, its history row, its ClaimCreated outbox event and the
-- PHI audit row.
\set i random(1, @PATIENTS@)
BEGIN;
SELECT id, practice_id, mrn, first_name, last_name, date_of_birth FROM known_patient WHERE id = md5('bench-patient-' || :i)::uuid;
SELECT id, payer_id, member_id, priority FROM known_coverage WHERE id = md5('bench-coverage-' || :i)::uuid;
SELECT id, practice_id, npi FROM provider WHERE id = md5('bench-provider')::uuid;
-- (pgbench has no :'var' quoting: the value comes back already quoted)
SELECT quote_literal('RC' || lpad(nextval('claim_patient_control_number_seq')::text, 10, '0')) AS pcn \gset
INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
    billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date, frequency_code, version,
    created_at, updated_at, status_changed_at)
VALUES (gen_random_uuid(), '@PRACTICE@', md5('bench-patient-' || :i)::uuid, md5('bench-coverage-' || :i)::uuid,
    md5('bench-payer')::uuid, 'PROFESSIONAL', 'DRAFT', :pcn, md5('bench-provider')::uuid, '11', ARRAY['E11.9', 'I10'],
    ('[{"lineId":"' || gen_random_uuid() || '","lineNumber":1,"procedureCode":"99213","modifiers":["25"],"units":1,'
      || '"chargeAmount":125.00,"serviceDate":"2026-11-20","diagnosisPointers":[1]},{"lineId":"' || gen_random_uuid()
      || '","lineNumber":2,"procedureCode":"81002","modifiers":[],"units":1,"chargeAmount":25.00,'
      || '"serviceDate":"2026-11-20","diagnosisPointers":[1,2]}]')::jsonb,
    150.00, DATE '2026-11-20', '1', 1, now(), now(), now());
INSERT INTO claim_history (id, claim_id, from_status, to_status, actor, occurred_at)
VALUES (gen_random_uuid(), (SELECT id FROM claim WHERE patient_control_number = :pcn), NULL, 'DRAFT', 'bench', now());
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
VALUES (gen_random_uuid(), 'revcycle.claims.events.v1', :i::text, 'ClaimCreated', repeat('x', 900), now());
INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
VALUES (now(), 'bench', 'CREATE', 'claim', gen_random_uuid(), '@PRACTICE@', 'SUCCESS');
COMMIT;
